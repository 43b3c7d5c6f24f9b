/* nv-window.h — the main window: unit switcher and the six sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"
#include "nv-page.h"
#include "nv-printable.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_WINDOW (nv_window_get_type ())
G_DECLARE_FINAL_TYPE (NvWindow, nv_window, NV, WINDOW, AdwApplicationWindow)

NvWindow *nv_window_new (AdwApplication *application, NvContext *context);
NvContext *nv_window_get_context (NvWindow *self);
/* The context's store. */
NvStore *nv_window_get_store (NvWindow *self);
gint64 nv_window_get_unit_id (NvWindow *self);
void nv_window_select_unit (NvWindow *self, gint64 unit_id);
void nv_window_show_section (NvWindow *self, const char *name);
void nv_window_toast (NvWindow *self, const char *message);
AdwViewStack *nv_window_get_view_stack (NvWindow *self);
/* The banner of a lost server connection (nv-server-banner.h); NULL when
 * the store is a local file. */
GtkWidget *nv_window_get_server_banner (NvWindow *self);
/* The section page called @name ("overview", "followup", …), made now if it
 * was not yet needed. */
NvPage *nv_window_get_page (NvWindow *self, const char *name);
/* nv-window-report.c: the unit report of the selected unit, as
 * Preferences set it up; print it or export it as PDF (toasts on errors). */
NvPrintable *nv_window_report_new (NvWindow *self, GError **error);
void nv_window_report_print (NvWindow *self);
void nv_window_report_export (NvWindow *self);
/* "welcome" when there is no unit yet, else "sections". */
const char *nv_window_get_state (NvWindow *self);

G_END_DECLS
