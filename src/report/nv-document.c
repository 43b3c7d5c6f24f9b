/* nv-document.c — a flowing A4 document: blocks laid out on pages.
 *
 * Layout runs once, on a scratch cairo context, the first time the page
 * count is asked for; drawing replays the placements on any cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-document"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "nv-document.h"
#include "nv-printable-private.h"

#define WIDTH NV_PAGE_A4_WIDTH
#define HEIGHT NV_PAGE_A4_HEIGHT
#define MARGIN 56.0
#define TOP 56.0
#define BOTTOM (HEIGHT - 70.0)
#define TEXT_WIDTH (WIDTH - 2 * MARGIN)
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define TABLE_SIZE 9.0

/* Different in lightness too, so greyscale copies keep the distinctions. */
static const double ink[3] = { 0.11, 0.11, 0.13 };
static const double muted[3] = { 0.33, 0.33, 0.37 };
static const double accent[3] = { 0.08, 0.27, 0.52 };
static const double shade = 0.93;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_NOTE,
  BLOCK_CHART,
  BLOCK_GAP,
  BLOCK_BREAK,
  BLOCK_TABLE,
} BlockKind;

typedef enum
{
  ROW_BODY,
  ROW_HEADER,
  ROW_TOTAL,
} RowStyle;

typedef struct
{
  GStrv cells;
  RowStyle style;
  double height; /* set by layout */
} Row;

struct _NvDocTable
{
  guint n_cols;
  double *widths;
  PangoAlignment *align;
  GPtrArray *rows; /* Row */
  int header;      /* index of the first header row, -1 when none */
};

typedef struct
{
  BlockKind kind;
  char *text;
  NvChart *chart;
  NvDocDrawFunc draw; /* a BLOCK_CHART without @chart */
  gpointer draw_data;
  GDestroyNotify draw_destroy;
  double height;
  NvDocTable *table;
} Block;

typedef struct
{
  guint page;
  Block *block;
  double y;
  guint row_first; /* tables: rows [row_first, row_end) */
  guint row_end;
  gboolean repeat_header;
} Placed;

struct _NvDocument
{
  GObject parent_instance;
  char *title;
  char *running_head;
  char *footer;
  GPtrArray *blocks; /* Block */
  GArray *placed;    /* Placed; NULL until laid out */
  guint n_pages;
};

static void nv_document_printable_init (NvPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvDocument, nv_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (NV_TYPE_PRINTABLE,
                                                      nv_document_printable_init))

/* ---- Text ---------------------------------------------------------------- */

static PangoLayout *
new_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Same metrics on every surface: the PDF and the printer lay out alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  return layout;
}

static void
show (cairo_t *cr, PangoLayout *layout, double x, double y, const double rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  double size;
  PangoWeight weight;
  const double *rgb;
  double before; /* space above (not at the top of a page) */
  double after;
} TextStyle;

static TextStyle
text_style (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return (TextStyle){ 22, PANGO_WEIGHT_HEAVY, accent, 0, 6 };
    case BLOCK_HEADING:
      return (TextStyle){ 13.5, PANGO_WEIGHT_BOLD, accent, 14, 6 };
    case BLOCK_NOTE:
      return (TextStyle){ 8.5, PANGO_WEIGHT_NORMAL, muted, 0, 6 };
    case BLOCK_TEXT:
    default:
      return (TextStyle){ 10.5, PANGO_WEIGHT_NORMAL, ink, 0, 7 };
    }
}

/* ---- Tables -------------------------------------------------------------- */

static double
col_x (const NvDocTable *t, guint col)
{
  double x = MARGIN;
  for (guint i = 0; i < col; i++)
    x += t->widths[i] * TEXT_WIDTH;
  return x;
}

/* A header row with text in its first cell only spans the whole table
 * (a sub-heading inside it). */
static gboolean
row_spans (const NvDocTable *t, const Row *row)
{
  if (row->style != ROW_HEADER)
    return FALSE;
  for (guint c = 1; c < t->n_cols; c++)
    if (*row->cells[c] != '\0')
      return FALSE;
  return TRUE;
}

static double
cell_width (const NvDocTable *t, const Row *row, guint col)
{
  return (row_spans (t, row) ? TEXT_WIDTH : t->widths[col] * TEXT_WIDTH) - 2 * CELL_PAD_X;
}

static double
row_height (const NvDocTable *t, const Row *row, PangoLayout *layout)
{
  double h = 0;

  for (guint c = 0; c < (row_spans (t, row) ? 1 : t->n_cols); c++)
    {
      PangoWeight weight = row->style == ROW_BODY ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD;

      h = MAX (h, nv_printable_set_text (layout, row->cells[c], TABLE_SIZE, weight,
                                         cell_width (t, row, c), t->align[c]));
    }
  return h + 2 * CELL_PAD_Y;
}

static void
draw_row (cairo_t *cr, PangoLayout *layout, const NvDocTable *t, const Row *row, double y,
          gboolean shaded)
{
  if (shaded)
    {
      cairo_set_source_rgb (cr, shade, shade, shade);
      cairo_rectangle (cr, MARGIN, y, TEXT_WIDTH, row->height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < (row_spans (t, row) ? 1 : t->n_cols); c++)
    {
      double w = cell_width (t, row, c);
      nv_printable_set_text (layout, row->cells[c], TABLE_SIZE,
                             row->style == ROW_BODY ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD, w,
                             t->align[c]);
      show (cr, layout, col_x (t, c) + CELL_PAD_X, y + CELL_PAD_Y,
            row->style == ROW_HEADER ? muted : ink);
    }
  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  if (row->style == ROW_HEADER)
    {
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, MARGIN, y + row->height - 0.4);
      cairo_line_to (cr, MARGIN + TEXT_WIDTH, y + row->height - 0.4);
      cairo_stroke (cr);
    }
  else if (row->style == ROW_TOTAL)
    {
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, MARGIN, y + 0.3);
      cairo_line_to (cr, MARGIN + TEXT_WIDTH, y + 0.3);
      cairo_stroke (cr);
    }
}

static void
table_free (NvDocTable *t)
{
  g_free (t->widths);
  g_free (t->align);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static void
row_free (Row *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
add_row (NvDocTable *t, const char *const *cells, RowStyle style)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (char *, t->n_cols + 1);
  for (guint c = 0; c < t->n_cols; c++)
    row->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  row->style = style;
  if (style == ROW_HEADER && t->header < 0)
    t->header = (int) t->rows->len;
  g_ptr_array_add (t->rows, row);
}

void
nv_doc_table_set_align (NvDocTable *table, guint col, PangoAlignment align)
{
  g_return_if_fail (col < table->n_cols);
  table->align[col] = align;
}

void
nv_doc_table_add_header (NvDocTable *table, const char *const *cells)
{
  add_row (table, cells, ROW_HEADER);
}

void
nv_doc_table_add_row (NvDocTable *table, const char *const *cells)
{
  add_row (table, cells, ROW_BODY);
}

void
nv_doc_table_add_total (NvDocTable *table, const char *const *cells)
{
  add_row (table, cells, ROW_TOTAL);
}

/* ---- Layout -------------------------------------------------------------- */

typedef struct
{
  NvDocument *doc;
  PangoLayout *layout;
  guint page;
  double y;
} Flow;

static void
place (Flow *f, Block *block, double y, guint first, guint end, gboolean repeat)
{
  Placed p = { f->page, block, y, first, end, repeat };
  g_array_append_val (f->doc->placed, p);
}

static void
new_page (Flow *f)
{
  f->page++;
  f->y = TOP;
}

static double
block_height (Flow *f, Block *b)
{
  switch (b->kind)
    {
    case BLOCK_CHART:
    case BLOCK_GAP:
      return b->height;
    case BLOCK_BREAK:
      return 0;
    case BLOCK_TABLE:
      {
        double h = 0;
        for (guint r = 0; r < b->table->rows->len; r++)
          {
            Row *row = g_ptr_array_index (b->table->rows, r);
            row->height = row_height (b->table, row, f->layout);
            h += row->height;
          }
        return h;
      }
    default:
      {
        TextStyle s = text_style (b->kind);
        return nv_printable_set_text (f->layout, b->text, s.size, s.weight, TEXT_WIDTH,
                                      PANGO_ALIGN_LEFT);
      }
    }
}

/* The least of @b that must fit beside what comes before it. */
static double
first_part_height (Block *b, double full)
{
  if (b->kind == BLOCK_TABLE)
    {
      double h = 0;
      for (guint r = 0; r < MIN (b->table->rows->len, 3u); r++)
        h += ((Row *) g_ptr_array_index (b->table->rows, r))->height;
      return h;
    }
  return full;
}

static void
flow_table (Flow *f, Block *b)
{
  NvDocTable *t = b->table;
  double header_h = t->header >= 0 ? ((Row *) g_ptr_array_index (t->rows, t->header))->height : 0;
  guint first = 0;
  double y0 = f->y;
  gboolean repeat = FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);

      if (f->y + row->height > BOTTOM && f->y > y0 + (repeat ? header_h : 0) + 0.1)
        {
          place (f, b, y0, first, r, repeat);
          new_page (f);
          y0 = f->y;
          first = r;
          repeat = t->header >= 0 && row->style != ROW_HEADER;
          if (repeat)
            f->y += header_h;
        }
      f->y += row->height;
    }
  place (f, b, y0, first, t->rows->len, repeat);
}

static void
lay_out (NvDocument *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Flow f = { self, NULL, 0, TOP };
  double *heights;

  if (self->placed != NULL)
    return;
  self->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  f.layout = new_layout (cr);

  heights = g_new0 (double, self->blocks->len + 1);
  for (guint i = 0; i < self->blocks->len; i++)
    heights[i] = block_height (&f, g_ptr_array_index (self->blocks, i));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      TextStyle s = text_style (b->kind);
      double need = heights[i];

      if (b->kind == BLOCK_BREAK)
        {
          if (f.y > TOP)
            new_page (&f);
          continue;
        }
      if (b->kind == BLOCK_GAP)
        {
          f.y += f.y > TOP ? b->height : 0;
          continue;
        }
      if ((b->kind == BLOCK_TITLE || b->kind == BLOCK_HEADING) && f.y > TOP)
        f.y += s.before;
      /* A heading stays with the start of what follows it. */
      if (b->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        need += s.after +
                first_part_height (g_ptr_array_index (self->blocks, i + 1), heights[i + 1]);
      if (b->kind == BLOCK_TABLE)
        need = first_part_height (b, heights[i]);
      if (f.y + need > BOTTOM && f.y > TOP)
        new_page (&f);

      if (b->kind == BLOCK_TABLE)
        {
          flow_table (&f, b);
          f.y += 10;
          continue;
        }
      place (&f, b, f.y, 0, 0, FALSE);
      f.y += heights[i] + (b->kind == BLOCK_CHART ? 12 : s.after);
    }
  self->n_pages = f.page + 1;

  g_free (heights);
  g_object_unref (f.layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Drawing ------------------------------------------------------------- */

static void
draw_placed (cairo_t *cr, PangoLayout *layout, const Placed *p)
{
  Block *b = p->block;

  switch (b->kind)
    {
    case BLOCK_CHART:
      {
        NvChartStyle style;

        nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
        cairo_save (cr);
        cairo_translate (cr, MARGIN, p->y);
        if (b->chart != NULL)
          nv_chart_draw (b->chart, cr, TEXT_WIDTH, b->height, &style);
        else
          {
            /* Drawings may paint their background: keep it in its box. */
            cairo_rectangle (cr, 0, 0, TEXT_WIDTH, b->height);
            cairo_clip (cr);
            b->draw (b->draw_data, cr, TEXT_WIDTH, b->height, &style);
          }
        cairo_restore (cr);
        break;
      }
    case BLOCK_TABLE:
      {
        NvDocTable *t = b->table;
        double y = p->y;
        guint body = 0;

        if (p->repeat_header)
          {
            Row *header = g_ptr_array_index (t->rows, t->header);
            draw_row (cr, layout, t, header, y, FALSE);
            y += header->height;
          }
        for (guint r = p->row_first; r < p->row_end; r++)
          {
            Row *row = g_ptr_array_index (t->rows, r);
            draw_row (cr, layout, t, row, y, row->style == ROW_BODY && body++ % 2 == 1);
            if (row->style != ROW_BODY)
              body = 0;
            y += row->height;
          }
        break;
      }
    case BLOCK_GAP:
    case BLOCK_BREAK:
      break;
    default:
      {
        TextStyle s = text_style (b->kind);
        nv_printable_set_text (layout, b->text, s.size, s.weight, TEXT_WIDTH, PANGO_ALIGN_LEFT);
        show (cr, layout, MARGIN, p->y, s.rgb);
        break;
      }
    }
}

static void
document_draw_page (NvPrintable *printable, cairo_t *cr, guint page)
{
  NvDocument *self = NV_DOCUMENT (printable);
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *page_text = NULL;

  lay_out (self);
  layout = new_layout (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (page > 0 && self->running_head != NULL)
    {
      nv_printable_set_text (layout, self->running_head, 8, PANGO_WEIGHT_NORMAL, TEXT_WIDTH,
                             PANGO_ALIGN_LEFT);
      show (cr, layout, MARGIN, TOP - 26, muted);
    }
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *p = &g_array_index (self->placed, Placed, i);
      if (p->page == page)
        draw_placed (cr, layout, p);
    }

  /* Footer: a hairline, the generator on the left, the page on the right. */
  cairo_set_source_rgb (cr, muted[0], muted[1], muted[2]);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, HEIGHT - 50);
  cairo_line_to (cr, WIDTH - MARGIN, HEIGHT - 50);
  cairo_stroke (cr);
  nv_printable_set_text (layout, self->footer, 8, PANGO_WEIGHT_NORMAL, TEXT_WIDTH * 0.75,
                         PANGO_ALIGN_LEFT);
  show (cr, layout, MARGIN, HEIGHT - 45, muted);
  /* Translators: the page number in a report's footer */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  nv_printable_set_text (layout, page_text, 8, PANGO_WEIGHT_NORMAL, TEXT_WIDTH * 0.25,
                         PANGO_ALIGN_RIGHT);
  show (cr, layout, MARGIN + TEXT_WIDTH * 0.75, HEIGHT - 45, muted);
}

static char *
document_get_title (NvPrintable *printable)
{
  return g_strdup (NV_DOCUMENT (printable)->title);
}

static void
document_get_page_size (NvPrintable *printable, double *width, double *height)
{
  *width = WIDTH;
  *height = HEIGHT;
}

static guint
document_get_n_pages (NvPrintable *printable)
{
  NvDocument *self = NV_DOCUMENT (printable);

  lay_out (self);
  return self->n_pages;
}

static void
nv_document_printable_init (NvPrintableInterface *iface)
{
  iface->get_title = document_get_title;
  iface->get_page_size = document_get_page_size;
  iface->get_n_pages = document_get_n_pages;
  iface->draw_page = document_draw_page;
}

/* ---- Building ------------------------------------------------------------ */

static void
block_free (Block *b)
{
  g_free (b->text);
  g_clear_object (&b->chart);
  if (b->draw_destroy != NULL)
    b->draw_destroy (b->draw_data);
  g_clear_pointer (&b->table, table_free);
  g_free (b);
}

static Block *
add_block (NvDocument *self, BlockKind kind, const char *text)
{
  Block *b = g_new0 (Block, 1);

  g_return_val_if_fail (self->placed == NULL, b);
  b->kind = kind;
  b->text = g_strdup (text);
  g_ptr_array_add (self->blocks, b);
  return b;
}

void
nv_document_add_title (NvDocument *self, const char *text)
{
  add_block (self, BLOCK_TITLE, text);
}

void
nv_document_add_heading (NvDocument *self, const char *text)
{
  add_block (self, BLOCK_HEADING, text);
}

void
nv_document_add_text (NvDocument *self, const char *text)
{
  add_block (self, BLOCK_TEXT, text);
}

void
nv_document_add_note (NvDocument *self, const char *text)
{
  add_block (self, BLOCK_NOTE, text);
}

void
nv_document_add_chart (NvDocument *self, NvChart *chart, double height)
{
  Block *b = add_block (self, BLOCK_CHART, NULL);

  b->chart = g_object_ref (chart);
  b->height = height;
}

void
nv_document_add_drawing (NvDocument *self, NvDocDrawFunc draw, gpointer data,
                         GDestroyNotify destroy, double height)
{
  Block *b = add_block (self, BLOCK_CHART, NULL);

  b->draw = draw;
  b->draw_data = data;
  b->draw_destroy = destroy;
  b->height = height;
}

void
nv_document_add_gap (NvDocument *self, double points)
{
  add_block (self, BLOCK_GAP, NULL)->height = points;
}

void
nv_document_page_break (NvDocument *self)
{
  add_block (self, BLOCK_BREAK, NULL);
}

NvDocTable *
nv_document_add_table (NvDocument *self, guint n_cols, const double *widths)
{
  Block *b = add_block (self, BLOCK_TABLE, NULL);
  NvDocTable *t = g_new0 (NvDocTable, 1);

  t->n_cols = n_cols;
  t->widths = g_memdup2 (widths, n_cols * sizeof (double));
  t->align = g_new (PangoAlignment, n_cols);
  for (guint c = 0; c < n_cols; c++)
    t->align[c] = c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  t->header = -1;
  b->table = t;
  return t;
}

static void
nv_document_finalize (GObject *object)
{
  NvDocument *self = NV_DOCUMENT (object);

  g_free (self->title);
  g_free (self->running_head);
  g_free (self->footer);
  g_ptr_array_unref (self->blocks);
  g_clear_pointer (&self->placed, g_array_unref);
  G_OBJECT_CLASS (nv_document_parent_class)->finalize (object);
}

static void
nv_document_class_init (NvDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_document_finalize;
}

static void
nv_document_init (NvDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

NvDocument *
nv_document_new (const char *title, const char *running_head, NvDay generated)
{
  NvDocument *self = g_object_new (NV_TYPE_DOCUMENT, NULL);
  g_autofree char *date = nv_day_format_local (generated != NV_DAY_NONE ? generated
                                                                         : nv_day_today ());

  self->title = g_strdup (title);
  self->running_head = g_strdup (running_head);
  /* Translators: every report page's footer: version, then date */
  self->footer = g_strdup_printf (_("Generated by Nærvær %s on %s"), PACKAGE_VERSION, date);
  return self;
}
