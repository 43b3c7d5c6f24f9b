/* nv-import-dialog.c — preview a CSV import, then import it.
 *
 * The preview runs the importer inside a transaction that is always rolled
 * back (nv_import_preview_file), so what the dialog shows is exactly what the
 * import would do. The Import button stays insensitive while there is any
 * problem; the import itself is one transaction again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-format.h"
#include "nv-backup.h"
#include "nv-import-dialog.h"
#include "nv-monthly-dialog.h"
#include "nv-table.h"

struct _NvImportDialog
{
  AdwWindow parent_instance;

  NvContext *context;
  NvStore *store;
  gint64 unit_id;
  NvImportKind kind;
  char *path;
  NvImportPreview *preview;
  GListStore *rows;
  GListStore *problems;

  GtkWidget *import_button;
  GtkLabel *summary;
  GtkLabel *details;
};

G_DEFINE_FINAL_TYPE (NvImportDialog, nv_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_title (NvImportKind kind)
{
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      return _("Import Staff");
    case NV_IMPORT_SPELLS:
      return _("Import Sick Leave");
    case NV_IMPORT_MONTHLY:
      return _("Import Monthly Figures");
    default:
      g_assert_not_reached ();
    }
}

static char *
day_text (NvDay day, const char *none)
{
  return day != NV_DAY_NONE ? nv_day_format_local (day) : g_strdup (none);
}

static char *
percent_text (double value)
{
  g_autofree char *number = nv_format_number (value, 1);
  return g_strconcat (number, "\u00a0%", NULL); /* no-break space, as nv-format */
}

/* The row texts: "Line", the kind's columns, then "Check". */
static char **
row_texts (NvImportKind kind, const NvImportRow *row)
{
  GPtrArray *t = g_ptr_array_new ();

  g_ptr_array_add (t, g_strdup_printf ("%u", row->line));
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      g_ptr_array_add (t, g_strdup (row->employee != NULL ? row->employee : ""));
      g_ptr_array_add (t, row->fte > 0 ? percent_text (row->fte) : g_strdup (""));
      g_ptr_array_add (t, day_text (row->from, ""));
      g_ptr_array_add (t, day_text (row->to, _("—")));
      break;
    case NV_IMPORT_SPELLS:
      g_ptr_array_add (t, g_strdup (row->employee != NULL ? row->employee : ""));
      g_ptr_array_add (t, day_text (row->start, ""));
      g_ptr_array_add (t, day_text (row->end, _("ongoing")));
      g_ptr_array_add (t, row->grade > 0 ? percent_text (row->grade) : g_strdup (""));
      /* A row read only in part has no type to show (0 would say «self»). */
      g_ptr_array_add (t, g_strdup (row->grade > 0 ? nv_spell_type_label (row->type) : ""));
      break;
    case NV_IMPORT_MONTHLY:
      g_ptr_array_add (t, g_strdup (row->unit != NULL ? row->unit : ""));
      g_ptr_array_add (t, row->month >= 1 && row->month <= 12
                            ? g_strdup_printf (_("%s %d"), nv_month_name (row->month), row->year)
                            : g_strdup (""));
      g_ptr_array_add (t, nv_format_number (row->contracted_days, 2));
      g_ptr_array_add (t, nv_format_number (row->lost_days_self, 2));
      g_ptr_array_add (t, nv_format_number (row->lost_days_doctor, 2));
      g_ptr_array_add (t, g_strdup_printf ("%d", row->persons));
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (t, g_strdup (row->valid ? _("OK") : _("Problem")));
  g_ptr_array_add (t, NULL);
  return (char **) g_ptr_array_free (t, FALSE);
}

static void
build_row_columns (NvImportDialog *self, GtkColumnView *view)
{
  guint c = 0;

  nv_table_add_column (view, _("Line"), c++, NV_TABLE_NUMBER, FALSE);
  switch (self->kind)
    {
    case NV_IMPORT_ROSTER:
      nv_table_add_column (view, _("Employee"), c++, NV_TABLE_TEXT, TRUE);
      nv_table_add_column (view, _("FTE"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("First Day"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Last Day"), c++, NV_TABLE_NUMBER, FALSE);
      break;
    case NV_IMPORT_SPELLS:
      nv_table_add_column (view, _("Employee"), c++, NV_TABLE_TEXT, TRUE);
      nv_table_add_column (view, _("First Day"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Last Day"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Grade"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Type"), c++, NV_TABLE_TEXT, FALSE);
      break;
    case NV_IMPORT_MONTHLY:
      nv_table_add_column (view, _("Unit"), c++, NV_TABLE_TEXT, TRUE);
      nv_table_add_column (view, _("Month"), c++, NV_TABLE_TEXT, FALSE);
      nv_table_add_column (view, _("Contracted Days"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Lost, Self-Certified"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Lost, Doctor-Certified"), c++, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Persons"), c++, NV_TABLE_NUMBER, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
  nv_table_add_column (view, _("Check"), c, NV_TABLE_TEXT, FALSE);
}

static GtkWidget *
make_table (GListModel *model)
{
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (model)));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  return scrolled;
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill (NvImportDialog *self)
{
  NvImportPreview *p = self->preview;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  const char *delimiter = p->delimiter == ';' ? _("semicolons") : _("commas");

  for (guint i = 0; i < p->rows->len; i++)
    {
      NvImportRow *row = g_ptr_array_index (p->rows, i);
      g_autoptr (NvTableItem) item = nv_table_item_new (row->line, row_texts (self->kind, row),
                                                        NULL, NULL, NULL);
      g_list_store_append (self->rows, item);
    }
  for (guint i = 0; i < p->problems->len; i++)
    {
      NvImportProblem *problem = g_ptr_array_index (p->problems, i);
      char **texts = g_new0 (char *, 4);
      g_autoptr (NvTableItem) item = NULL;

      texts[0] = problem->line > 0 ? g_strdup_printf ("%u", problem->line)
                                   : g_strdup (_("whole file"));
      texts[1] = g_strdup (problem->field != NULL ? problem->field : "");
      texts[2] = g_strdup (problem->message);
      item = nv_table_item_new (problem->line, texts, NULL, NULL, NULL);
      g_list_store_append (self->problems, item);
    }

  if (nv_import_preview_ok (p))
    {
      g_autofree char *rows = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u row can be imported.", "All %u rows can be imported.",
                     p->counts.n_rows),
        p->counts.n_rows);
      g_autofree char *replaced = NULL;

      if (p->counts.n_replaced > 0)
        replaced = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u month already stored will be replaced.",
                       "%u months already stored will be replaced.", p->counts.n_replaced),
          p->counts.n_replaced);
      if (p->counts.n_over_computed > 0)
        {
          g_autofree char *over = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "For %u month these HR figures will be used instead of the figures "
                         "computed from the absence spells.",
                         "For %u months these HR figures will be used instead of the figures "
                         "computed from the absence spells.",
                         p->counts.n_over_computed),
            p->counts.n_over_computed);
          g_autofree char *both = replaced != NULL ? g_strconcat (replaced, " ", over, NULL)
                                                   : g_strdup (over);
          g_free (replaced);
          replaced = g_steal_pointer (&both);
        }
      summary = replaced != NULL ? g_strconcat (rows, " ", replaced, NULL) : g_strdup (rows);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary), "success");
    }
  else
    {
      summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u problem must be fixed in the file before it can be imported. "
                     "Nothing has been stored.",
                     "%u problems must be fixed in the file before it can be imported. "
                     "Nothing has been stored.",
                     p->n_problems),
        p->n_problems);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary), "error");
    }
  gtk_label_set_text (self->summary, summary);

  /* TRANSLATORS: «spells.csv: 124 rows, UTF-8, separated by semicolons» */
  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u row, %s, separated by %s",
                                          "%s: %u rows, %s, separated by %s", p->counts.n_rows),
                             p->file_name, p->counts.n_rows,
                             nv_csv_encoding_to_string (p->encoding), delimiter);
  gtk_label_set_text (self->details, details);
  gtk_widget_set_sensitive (self->import_button, nv_import_preview_ok (p));
}

gboolean
nv_import_dialog_import (NvImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  NvImportCounts counts = { 0 };

  g_return_val_if_fail (NV_IS_IMPORT_DIALOG (self), FALSE);
  if (!nv_import_dialog_can_import (self))
    return FALSE;
  /* The automatic backup first (when switched on): an import that turns out
   * wrong can be undone from Preferences › Backups. */
  if (!nv_backup_before_import (self->context, &error) ||
      !nv_import_file (self->store, self->kind, self->unit_id, self->path, &counts, &error))
    {
      /* The file changed since the preview: say so; nothing was stored. */
      message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      gtk_label_set_text (self->summary, message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary), "error");
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return FALSE;
    }
  g_signal_emit (self, signals[IMPORTED], 0, counts.n_stored);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (NvImportDialog *self)
{
  nv_import_dialog_import (self);
}

gboolean
nv_import_dialog_can_import (NvImportDialog *self)
{
  g_return_val_if_fail (NV_IS_IMPORT_DIALOG (self), FALSE);
  return self->preview != NULL && nv_import_preview_ok (self->preview)
         && gtk_widget_get_sensitive (self->import_button);
}

GListModel *
nv_import_dialog_get_problems (NvImportDialog *self)
{
  g_return_val_if_fail (NV_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->problems);
}

GListModel *
nv_import_dialog_get_rows (NvImportDialog *self)
{
  g_return_val_if_fail (NV_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->rows);
}

static void
nv_import_dialog_dispose (GObject *object)
{
  NvImportDialog *self = NV_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->rows);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->preview, nv_import_preview_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (nv_import_dialog_parent_class)->dispose (object);
}

static void
nv_import_dialog_class_init (NvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_import_dialog_dispose;

  /* The number of rows stored. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nv_import_dialog_init (NvImportDialog *self)
{
  /* A screen reader says «dialog»; set on the instance: GTK 4.8 ignores
   * the role of a window subclass set on its class. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->rows = g_list_store_new (NV_TYPE_TABLE_ITEM);
  self->problems = g_list_store_new (NV_TYPE_TABLE_ITEM);
}

NvImportDialog *
nv_import_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id, NvImportKind kind,
                      const char *path, GError **error)
{
  NvStore *store = nv_context_get_store (context);
  NvImportPreview *preview = nv_import_preview_file (store, kind, unit_id, path, error);
  NvImportDialog *self;
  GtkWidget *box, *header, *cancel, *content, *title, *problems_view, *rows_view;
  GtkWidget *focus_view = NULL;

  if (preview == NULL)
    return NULL;

  self = g_object_new (NV_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 860, "default-height", 640, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (store);
  self->unit_id = unit_id;
  self->kind = kind;
  self->path = g_strdup (path);
  self->preview = preview;
  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (kind_title (kind), preview->file_name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_vexpand (content, TRUE);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));
  self->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details, 0);
  gtk_label_set_wrap (self->details, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->details));

  fill (self);

  if (preview->problems->len > 0)
    {
      GtkColumnView *view;

      gtk_box_append (GTK_BOX (content), section_title (_("Problems")));
      problems_view = make_table (G_LIST_MODEL (g_object_ref (self->problems)));
      view = GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (problems_view)));
      nv_table_add_column (view, _("Line"), 0, NV_TABLE_NUMBER, FALSE);
      nv_table_add_column (view, _("Column"), 1, NV_TABLE_TEXT, FALSE);
      nv_table_add_column (view, _("Problem"), 2, NV_TABLE_TEXT, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems"), -1);
      focus_view = GTK_WIDGET (view);
      gtk_box_append (GTK_BOX (content), problems_view);
    }

  gtk_box_append (GTK_BOX (content), section_title (_("Rows in the File")));
  rows_view = make_table (G_LIST_MODEL (g_object_ref (self->rows)));
  build_row_columns (self, GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (
                             GTK_SCROLLED_WINDOW (rows_view))));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_scrolled_window_get_child (
                                    GTK_SCROLLED_WINDOW (rows_view))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows in the File"), -1);
  gtk_box_append (GTK_BOX (content), rows_view);
  if (focus_view == NULL)
    focus_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (rows_view));

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  /* Start on Import when it can be pressed, else on the problems: never on
   * Cancel, where a stray Enter would throw the preview away. */
  gtk_widget_grab_focus (nv_import_preview_ok (preview) ? self->import_button : focus_view);
  return self;
}
