/* The research scatter plot and the municipal heat map: drawing at several
 * sizes, hit tests that find what is drawn, the colour scale, and files
 * (private, as every export of health figures, also for the bar list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "nv-test-util.h"
#include "nv-chart-private.h"
#include "nv-hbars.h"
#include "nv-heatmap.h"
#include "nv-scatter.h"

static void
test_scatter (void)
{
  g_autoptr (NvScatter) s = nv_scatter_new ();
  g_autofree char *dir = nv_test_tmpdir ();
  const double sizes[][2] = { { 360, 300 }, { 800, 500 }, { 1920, 1080 } };
  NvChartStyle style;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_scatter_set_title (s, "Mestringsklima og sykefravær");
  nv_scatter_set_x_label (s, "Mestringsklima (snitt 1–5)");
  nv_scatter_set_y_label (s, "Sykefravær");
  nv_scatter_set_y_percent (s, TRUE);
  nv_scatter_add_point (s, 3.2, 13.1, "A");
  nv_scatter_add_point (s, 3.8, 10.2, "B");
  nv_scatter_add_point (s, 4.6, 6.4, "D");
  nv_scatter_set_line (s, 28.3, -4.7, "Linje");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint p = 0; p < 3; p++)
      {
        double x, y;

        nv_scatter_point_position (s, sizes[i][0], sizes[i][1], &style, p, &x, &y);
        g_assert_cmpfloat (x, >, 0);
        g_assert_cmpfloat (x, <, sizes[i][0]);
        g_assert_cmpfloat (y, >, 0);
        g_assert_cmpfloat (y, <, sizes[i][1]);
        g_assert_cmpint (nv_scatter_hit_test (s, sizes[i][0], sizes[i][1], &style, x + 2, y - 2),
                         ==, (int) p);
      }
  /* Higher y is drawn higher up: A (13,1 %) above D (6,4 %). */
  {
    double xa, ya, xd, yd;
    nv_scatter_point_position (s, 800, 500, &style, 0, &xa, &ya);
    nv_scatter_point_position (s, 800, 500, &style, 2, &xd, &yd);
    g_assert_cmpfloat (ya, <, yd);
    g_assert_cmpfloat (xa, <, xd);
  }
  for (guint i = 0; i < 3; i++)
    {
      static const char *const names[] = { "s.png", "s.svg", "s.pdf" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GError) error = NULL;

      g_assert_true (nv_scatter_export (s, path, 900, 600, &style, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  nv_test_rmtree (dir);
}

static void
test_heatmap (void)
{
  g_autoptr (NvHeatmap) h = nv_heatmap_new (3, 4);
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "h.png", NULL);
  g_autoptr (GError) error = NULL;
  NvChartStyle style;
  double lo[3], hi[3];
  int row, col;

  nv_chart_style_init (&style, NV_CHART_STYLE_DARK);
  nv_heatmap_set_title (h, "Sykefravær per kvartal");
  nv_heatmap_set_masked_label (h, "Færre enn 5 personer");
  for (guint r = 0; r < 3; r++)
    nv_heatmap_set_row_label (h, r, r == 0 ? "Solbakken sykehjem" : "Enhet");
  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *label = g_strdup_printf ("K%u 2025", c + 1);
      nv_heatmap_set_column_label (h, c, label);
      nv_heatmap_set_value (h, 0, c, 6 + c, FALSE);
      nv_heatmap_set_value (h, 1, c, 12 - c, FALSE);
    }
  nv_heatmap_set_value (h, 2, 1, 40, TRUE);
  /* Darker for more absence. */
  nv_heatmap_color_for (h, 6, lo);
  nv_heatmap_color_for (h, 12, hi);
  g_assert_cmpfloat (lo[0] + lo[1] + lo[2], >, hi[0] + hi[1] + hi[2]);
  /* The masked 40 does not stretch the scale: 12 is at its top (6–12 → ticks 6…12). */
  nv_heatmap_color_for (h, 12, hi);
  g_assert_cmpfloat_with_epsilon (hi[0], 0.702, 1e-9);

  /* The middle of an 800 × 400 map is the middle row, a column right of the labels. */
  g_assert_true (nv_heatmap_hit_test (h, 800, 400, &style, 700, 200, &row, &col));
  g_assert_cmpint (row, ==, 1);
  g_assert_cmpint (col, ==, 3);
  g_assert_true (nv_heatmap_hit_test (h, 800, 400, &style, 20, 100, &row, &col));
  g_assert_cmpint (col, ==, -1);
  g_assert_false (nv_heatmap_hit_test (h, 800, 400, &style, 400, 2, &row, &col));
  g_assert_true (nv_heatmap_export (h, path, 800, 400, &style, &error));
  g_assert_no_error (error);
  nv_test_rmtree (dir);
}

/* The text of the PDF at @path, all whitespace runs as one space. */
static char *
pdf_words (const char *path)
{
  const char *pdftotext = g_getenv ("NV_PDFTOTEXT");
  const char *argv[] = { pdftotext, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) kept = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  words = g_strsplit_set (out, " \t\n\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (b, words[i]);
  kept = g_strv_builder_end (b);
  return g_strjoinv (" ", kept);
}

static void
assert_whole (const char *text, const char *label)
{
  if (strstr (text, label) == NULL)
    g_error ("«%s» is not shown whole in «%s»", label, text);
}

/* Legends and captions wrap on a narrow page (a chart in an A4 column, or a
 * long nb/nn text): the whole text shows, nothing is cut off with «…». */
static void
test_legends_wrap (void)
{
  g_autoptr (NvScatter) s = nv_scatter_new ();
  g_autoptr (NvHeatmap) h = nv_heatmap_new (2, 4);
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *s_path = g_build_filename (dir, "s.pdf", NULL);
  g_autofree char *h_path = g_build_filename (dir, "h.pdf", NULL);
  g_autofree char *s_text = NULL;
  g_autofree char *h_text = NULL;
  g_autoptr (GError) error = NULL;
  const char *line = "Minste kvadraters linje (en samvariasjon mellom enhetene, ikke en årsak)";
  const char *y_label = "Sykefravær (totalt), de fire kvartalene før undersøkelsen ble lukket";
  const char *hatched = "Færre enn 5 personer: tallet er holdt tilbake av personvernhensyn";
  NvChartStyle style;
  guint cut;

  if (g_getenv ("NV_PDFTOTEXT") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_scatter_set_title (s, "Mestringsklima og sykefravær, helse og omsorg");
  nv_scatter_set_x_label (s, "Mestringsklima (snitt for enheten, 1–5)");
  nv_scatter_set_y_label (s, y_label);
  nv_scatter_set_y_percent (s, TRUE);
  nv_scatter_add_point (s, 3.2, 13.1, "A");
  nv_scatter_add_point (s, 3.8, 10.2, "B");
  nv_scatter_add_point (s, 4.6, 6.4, "D");
  nv_scatter_set_line (s, 28.3, -4.7, line);
  /* The PDF's text keeps the whole string even when «…» is drawn (cairo
   * maps the ellipsis glyph back to it), so count the cut texts too. */
  cut = nv_chart_text_ellipsized_count ();
  g_assert_true (nv_scatter_export (s, s_path, 300, 320, &style, &error));
  g_assert_no_error (error);
  s_text = pdf_words (s_path);
  assert_whole (s_text, line);
  assert_whole (s_text, y_label);
  g_assert_null (strstr (s_text, "…"));
  g_assert_cmpuint (nv_chart_text_ellipsized_count (), ==, cut);

  nv_heatmap_set_title (h, "Sykefravær (totalt) per kvartal");
  nv_heatmap_set_masked_label (h, hatched);
  for (guint r = 0; r < 2; r++)
    nv_heatmap_set_row_label (h, r, r == 0 ? "Solbakken" : "Enhet");
  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *label = g_strdup_printf ("K%u", c + 1);
      nv_heatmap_set_column_label (h, c, label);
      nv_heatmap_set_value (h, 0, c, 6 + c, FALSE);
    }
  nv_heatmap_set_value (h, 1, 2, 40, TRUE);
  g_assert_true (nv_heatmap_export (h, h_path, 360, 260, &style, &error));
  g_assert_no_error (error);
  h_text = pdf_words (h_path);
  assert_whole (h_text, hatched);
  g_assert_null (strstr (h_text, "…"));
  g_assert_cmpuint (nv_chart_text_ellipsized_count (), ==, cut);
  nv_test_rmtree (dir);
}

/* Exports carry health figures: every chart kind writes its file as the
 * line chart does, 0600 whatever the umask, through a temporary file that
 * is not left behind. */
static void
test_exports_private (void)
{
  static const char *const names[] = { "f.png", "f.svg", "f.pdf" };
  g_autoptr (NvScatter) s = nv_scatter_new ();
  g_autoptr (NvHeatmap) h = nv_heatmap_new (2, 3);
  g_autoptr (NvHBars) b = nv_hbars_new (2, 0, 10);
  NvChartStyle style;
  mode_t old_mask = umask (022);

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_scatter_add_point (s, 1, 2, "A");
  nv_heatmap_set_value (h, 0, 0, 5, FALSE);
  nv_hbars_add_series (b, "Enhet");
  nv_hbars_set_value (b, 0, 0, 4);
  for (guint kind = 0; kind < 3; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *dir = nv_test_tmpdir ();
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (GDir) listing = NULL;
        gboolean ok = kind == 0   ? nv_scatter_export (s, path, 400, 300, &style, &error)
                      : kind == 1 ? nv_heatmap_export (h, path, 400, 300, &style, &error)
                                  : nv_hbars_export (b, path, 400, 300, &style, &error);
        guint n = 0;

        g_assert_no_error (error);
        g_assert_true (ok);
        g_assert_cmpuint (nv_test_mode (path), ==, 0600);
        listing = g_dir_open (dir, 0, NULL);
        while (g_dir_read_name (listing) != NULL)
          n++;
        g_assert_cmpuint (n, ==, 1);
        nv_test_rmtree (dir);
      }
  umask (old_mask);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/scatter", test_scatter);
  g_test_add_func ("/charts/heatmap", test_heatmap);
  g_test_add_func ("/charts/legends-wrap", test_legends_wrap);
  g_test_add_func ("/charts/exports-private", test_exports_private);
  return g_test_run ();
}
