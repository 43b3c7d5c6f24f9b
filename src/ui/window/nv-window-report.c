/* nv-window-report.c — the unit report from the main menu: «Print Unit
 * Report…» (Ctrl+P) and «Export Unit Report as PDF…».
 *
 * The report uses the benchmark and the cost per lost day from
 * Preferences, as the Compare and Overview pages do, and is masked: it
 * leaves the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-print.h"
#include "nv-report.h"
#include "nv-unit.h"
#include "nv-window.h"

NvPrintable *
nv_window_report_new (NvWindow *self, GError **error)
{
  GSettings *settings = nv_context_get_settings (nv_window_get_context (self));
  g_autofree char *benchmark = g_settings_get_string (settings, "default-benchmark");
  NvStore *store = nv_window_get_store (self);
  gint64 unit_id = nv_window_get_unit_id (self);
  NvReportOptions options;
  NvDocument *doc;

  if (store == NULL || unit_id == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Choose a unit first."));
      return NULL;
    }
  nv_report_options_init (&options);
  options.benchmark = *benchmark != '\0' ? benchmark : NULL;
  options.nok_per_day = g_settings_get_int (settings, "cost-per-lost-day");
  options.as_of = nv_context_today (nv_window_get_context (self));
  options.generated = options.as_of;
  doc = nv_report_new (store, unit_id, &options, error);
  if (doc == NULL && options.benchmark != NULL &&
      g_error_matches (*error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
    {
      /* The series in Preferences was deleted: report without one. */
      g_clear_error (error);
      options.benchmark = NULL;
      doc = nv_report_new (store, unit_id, &options, error);
    }
  return doc != NULL ? NV_PRINTABLE (doc) : NULL;
}

static void
done_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvWindow *self = data;

  if (message != NULL)
    nv_window_toast (self, message);
  g_object_unref (self);
}

static void
exported_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvWindow *self = data;

  if (!cancelled)
    nv_window_toast (self, message != NULL ? message : _("Report saved"));
  g_object_unref (self);
}

void
nv_window_report_print (NvWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvPrintable) report = nv_window_report_new (self, &error);

  if (report == NULL)
    nv_window_toast (self, error->message);
  else
    nv_print_run (GTK_WINDOW (self), report, done_cb, g_object_ref (self));
}

void
nv_window_report_export (NvWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvPrintable) report = nv_window_report_new (self, &error);
  g_autoptr (NvUnit) unit = NULL;
  g_autofree char *name = NULL;

  if (report == NULL)
    {
      nv_window_toast (self, error->message);
      return;
    }
  unit = nv_unit_get (nv_window_get_store (self), nv_window_get_unit_id (self), NULL);
  /* Translators: the suggested file name of the unit report; %s is the unit */
  name = g_strdup_printf (_("Sick-leave report %s.pdf"), unit != NULL ? unit->name : "");
  nv_print_export_pdf (GTK_WINDOW (self), report, _("Export Unit Report as PDF"), name,
                       exported_cb, g_object_ref (self));
}
