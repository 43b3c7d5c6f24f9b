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

G_END_DECLS
