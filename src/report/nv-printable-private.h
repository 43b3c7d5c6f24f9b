/* nv-printable-private.h — what the printables in src/report share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "nv-printable.h"

G_BEGIN_DECLS

/* Sets @text (NULL: empty) in Sans of @size points and @weight, wrapped at
 * @width points (words, or characters where a word is longer) with @align;
 * returns the height it takes, in points. */
double nv_printable_set_text (PangoLayout *layout, const char *text, double size,
                              PangoWeight weight, double width, PangoAlignment align);

G_END_DECLS
