/* nv-application.h — the Nærvær application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_APPLICATION (nv_application_get_type ())
G_DECLARE_FINAL_TYPE (NvApplication, nv_application, NV, APPLICATION, AdwApplication)

NvApplication *nv_application_new (void);
/* NULL until the database is open (the first window). */
NvContext *nv_application_get_context (NvApplication *self);
/* Opens @database (NULL: the file on this computer; else a connection to
 * the municipality's server, with @password for this session if not
 * NULL) and, when it opened, puts a new window on it in place of the open
 * ones and remembers the choice (GSettings "database") for the next
 * start. FALSE with @error and nothing changed when it did not open. */
/* The same with @store open already (nv_store_open_async()): the
 * connection made from Preferences without blocking. */
void nv_application_use_store (NvApplication *self, NvStore *store, const char *database);
gboolean nv_application_switch_database (NvApplication *self, const char *database,
                                         const char *password, GError **error);

G_END_DECLS
