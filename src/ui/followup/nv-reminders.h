/* nv-reminders.h — one desktop notification on start about follow-up steps
 * that are overdue or due within a week, and the app action it opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-calendar.h"
#include "nv-context.h"

G_BEGIN_DECLS

#define NV_REMINDERS_DAYS 7
#define NV_REMINDERS_NOTIFICATION_ID "followup-reminder"

/* Adds app.show-section (target: a section name such as "followup"): brings
 * the window up on that section. The notification's default action. */
void nv_reminders_install_actions (GtkApplication *app);

/* The notification's title and body as of @today, or FALSE when nothing is
 * overdue or due within NV_REMINDERS_DAYS days. The text names units and
 * counts only — no employee — since it may show on a locked screen. */
gboolean nv_reminders_compose (NvStore *store, NvDay today, char **title, char **body,
                               GError **error);

/* Sends the notification once per process when the context's "reminders"
 * setting is on and there is something to remind of (as of the context's
 * today). The counting and the look for a
 * notification service run in a worker thread on a connection of its own;
 * the notification is sent from the main thread when they are done. */
void nv_reminders_notify_once (GApplication *app, NvContext *context);

G_END_DECLS
