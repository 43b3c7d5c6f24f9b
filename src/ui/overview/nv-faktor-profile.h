/* nv-faktor-profile.h — a unit's 10-FAKTOR profile on its Overview: the ten
 * factors of its latest round (with at least 3 respondents) as bars against
 * its previous round and the municipality's mean, a table view of the same
 * numbers, and the workshop themes its two lowest factors suggest. Hidden
 * when the unit has no such round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-hbars.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_FAKTOR_PROFILE (nv_faktor_profile_get_type ())
G_DECLARE_FINAL_TYPE (NvFaktorProfile, nv_faktor_profile, NV, FAKTOR_PROFILE, GtkBox)

GtkWidget *nv_faktor_profile_new (void);
void nv_faktor_profile_set_unit (NvFaktorProfile *self, NvStore *store, gint64 unit_id);

G_END_DECLS
