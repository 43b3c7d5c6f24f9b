/* nv-application.h — the Nærvær application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_APPLICATION (nv_application_get_type ())
G_DECLARE_FINAL_TYPE (NvApplication, nv_application, NV, APPLICATION, AdwApplication)

NvApplication *nv_application_new (void);
NvStore *nv_application_get_store (NvApplication *self);
GSettings *nv_application_get_settings (NvApplication *self);

G_END_DECLS
