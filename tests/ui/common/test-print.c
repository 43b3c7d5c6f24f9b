/* Printing: the print operation draws the same pages as the PDF writer
 * (page count and a rasterised page compared), and the handout of a unit
 * entered by hand shows the figures the Overview shows. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-handout.h"
#include "nv-overview-page.h"
#include "nv-print.h"
#include "nv-report.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = nv_test_run_output (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

/* Page @page of @pdf at 50 dpi as an image surface. */
static cairo_surface_t *
rasterise (const char *pdf, guint page, const char *stem)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-r", "50", "-f", number, "-l", number, "-png",
                         "-singlefile", pdf, stem, NULL };
  g_autofree char *png = g_strdup_printf ("%s.png", stem);
  g_autofree char *out = nv_test_run_output (argv);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Share of pixels that differ visibly (any channel by more than 40). */
static double
difference (cairo_surface_t *a, cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a), stride_b = cairo_image_surface_get_stride (b);
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint differ = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x += 4)
      for (int c = 0; c < 3; c++)
        if (ABS ((int) da[y * stride_a + x + c] - (int) db[y * stride_b + x + c]) > 40)
          {
            differ++;
            break;
          }
  return (double) differ / (w * h);
}

static void
compare_print_with_pdf (NvPrintable *printable, const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ours = g_strdup_printf ("%s/%s-pdf.pdf", dir, name);
  g_autofree char *printed = g_strdup_printf ("%s/%s-print.pdf", dir, name);
  g_autofree char *stem_a = g_strdup_printf ("%s/%s-a", dir, name);
  g_autofree char *stem_b = g_strdup_printf ("%s/%s-b", dir, name);
  g_autoptr (GtkPrintOperation) operation = nv_print_operation_new (printable);
  guint pages;

  g_assert_true (nv_printable_write_pdf (printable, ours, &error));
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pages = pdf_pages (ours);
  g_assert_cmpuint (pages, ==, nv_printable_get_n_pages (printable));
  g_assert_cmpuint (pdf_pages (printed), ==, pages);
  for (guint page = 1; page <= pages; page += MAX (1, pages - 1))
    {
      cairo_surface_t *a = rasterise (ours, page, stem_a);
      cairo_surface_t *b = rasterise (printed, page, stem_b);
      double diff = difference (a, b);

      g_test_message ("%s page %u: %.4f %% of the pixels differ", name, page, diff * 100);
      g_assert_cmpfloat (diff, <, 0.005);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static void
test_print_matches_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (NvDocument) report = NULL;
  g_autoptr (NvHandout) handout = NULL;
  NvReportOptions options;
  NvDay today = nv_day_from_ymd (2026, 12, 7);
  gint64 unit;

  g_assert_true (nv_demo_fill_full (store, 2, 3, today, 7, ids, &error));
  g_assert_no_error (error);
  unit = g_array_index (ids, gint64, 0);
  nv_report_options_init (&options);
  options.as_of = today;
  options.generated = today;
  options.benchmark = "Kommuner";
  report = nv_report_new (store, unit, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nv_printable_get_n_pages (NV_PRINTABLE (report)), >=, 2);
  compare_print_with_pdf (NV_PRINTABLE (report), dir, "report");

  handout = nv_handout_new (store, unit, "Kommuner", today, &error);
  g_assert_no_error (error);
  compare_print_with_pdf (NV_PRINTABLE (handout), dir, "handout");
  g_clear_object (&store);
  nv_test_rmtree (dir);
}


/* GTK's «Print to File» aimed at the open database (or its -wal) cancels
 * the operation at "begin-print" — which GTK documents as stopping it before
 * anything is written — with the file guard's reason; any other file goes
 * ahead. (Running a real print job here would wait for printer discovery.) */
static GtkPrintOperation *
begin_print_to (NvPrintable *printable, const char *path)
{
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkPrintOperation *operation = nv_print_operation_new (printable);

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (operation, settings);
  g_signal_emit_by_name (operation, "begin-print", NULL);
  return operation;
}

static void
test_print_to_file_not_the_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "naervaer.db-wal", NULL);
  g_autofree char *other = g_build_filename (dir, "utskrift.pdf", NULL);
  const char *refused[] = { db, wal };
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (NvHandout) handout = NULL;
  g_autoptr (GtkPrintOperation) allowed = NULL;
  NvDay today = nv_day_from_ymd (2026, 12, 7);

  g_assert_true (nv_demo_fill_full (store, 1, 1, today, 7, ids, &error));
  g_assert_no_error (error);
  handout = nv_handout_new (store, g_array_index (ids, gint64, 0), "Kommuner", today, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GtkPrintOperation) operation = begin_print_to (NV_PRINTABLE (handout), refused[i]);
      g_autofree char *name = g_path_get_basename (refused[i]);
      const GError *why = nv_print_operation_get_refusal (operation);

      g_assert_nonnull (why);
      nv_test_assert_contains (why->message, name);
      nv_test_assert_contains (why->message, "nothing was written");
    }
  allowed = begin_print_to (NV_PRINTABLE (handout), other);
  g_assert_null (nv_print_operation_get_refusal (allowed));
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

/* A unit entered by hand as the dialogs do it (add unit, six employees,
 * four spells in the running quarter): the handout shows what the
 * Overview shows for this quarter, not «no figures yet». */
static void
test_handout_equals_overview (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "tall.pdf", NULL);
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  NvOverviewPage *page = g_object_new (NV_TYPE_OVERVIEW_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  NvDay as_of = nv_day_from_ymd (2026, 12, 7);
  g_autoptr (NvContext) context = nv_test_context_new (store, as_of);
  gint64 unit = nv_unit_add (store, "Avdeling 3", "helse-omsorg", "", &error);
  gint64 staff[6];
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *raw = NULL, *text = NULL, *expected = NULL;
  const char *persons, *percent;

  g_assert_no_error (error);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *ref = g_strdup_printf ("A%d", i + 1);
      staff[i] = nv_employee_ensure (store, unit, ref, NULL, &error);
      g_assert_no_error (error);
      nv_roster_add (store, staff[i], i == 5 ? 50 : 100, nv_day_from_ymd (2026, 10, 1),
                     NV_DAY_NONE, NULL, &error);
      g_assert_no_error (error);
    }
  nv_spell_add (store, staff[0], nv_day_from_ymd (2026, 10, 5), nv_day_from_ymd (2026, 11, 6),
                100, NV_SPELL_DOCTOR, NULL, &error);
  nv_spell_add (store, staff[1], nv_day_from_ymd (2026, 10, 12), nv_day_from_ymd (2026, 10, 14),
                100, NV_SPELL_SELF, NULL, &error);
  nv_spell_add (store, staff[2], nv_day_from_ymd (2026, 11, 2), nv_day_from_ymd (2026, 11, 27),
                50, NV_SPELL_DOCTOR, NULL, &error);
  nv_spell_add (store, staff[3], nv_day_from_ymd (2026, 11, 16), NV_DAY_NONE, 100,
                NV_SPELL_DOCTOR, NULL, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  nv_page_set_context (NV_PAGE (page), context);
  nv_page_set_unit_id (NV_PAGE (page), unit);
  nv_test_spin ();
  persons = nv_overview_page_get_text (page, "q4-persons");
  percent = nv_overview_page_get_text (page, "q4-percent");
  g_assert_cmpstr (nv_overview_page_get_text (page, "q4-title"), ==, "Q4 2026");
  g_assert_cmpstr (persons, ==, "6");
  g_assert_nonnull (percent);
  g_assert_cmpstr (percent, !=, "–");

  g_assert_true (nv_handout_write_full (store, unit, "Kommuner", as_of, pdf, &error));
  g_assert_no_error (error);
  raw = nv_test_run_output (argv);
  text = nv_test_flatten_text (raw);
  {
    g_autofree char *flat_percent = nv_test_flatten_text (percent);
    expected = g_strdup_printf ("Q4 2026 so far %s %s", persons, flat_percent);
  }
  if (strstr (text, expected) == NULL)
    g_error ("the handout lacks «%s» (the Overview's figures):\n%s", expected, text);
  g_assert_null (strstr (text, "no figures"));

  /* The same quarter table as a workbook: Q4 2026 is the last of five rows. */
  {
    g_autofree char *xlsx = g_build_filename (dir, "kvartaler.xlsx", NULL);
    const char *unzip[] = { "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL };
    g_autofree char *sheet = NULL;

    g_assert_true (nv_overview_page_export_table (page, xlsx, &error));
    g_assert_no_error (error);
    sheet = nv_test_run_output (unzip);
    g_assert_nonnull (strstr (sheet, "<c r=\"B6\" s=\"2\"><v>6</v></c>"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);
  g_test_add_func ("/print/matches-pdf", test_print_matches_pdf);
  g_test_add_func ("/print/handout-equals-overview", test_handout_equals_overview);
  g_test_add_func ("/print/to-file-not-the-database", test_print_to_file_not_the_database);
  return g_test_run ();
}
