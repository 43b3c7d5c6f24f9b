/* nv-module.h — libraries the app needs only on demand (PostgreSQL, SSB's
 * web API, Excel files, the keyring), loaded on first use.
 *
 * The window must not wait for libpq, libsoup, libxlsxwriter or libsecret
 * (and the ~30 libraries they pull in) to be loaded and relocated before
 * its first frame. Each is wrapped in a small shared module
 * (src/modules/, installed as LIBDIR/naervaer/nv-NAME.so) that exports one
 * function, `nv_module_table`, returning a table of function pointers. The
 * app links forwarding functions with the same names as the real ones
 * (nv-*-lazy.c), which load the module the first time they are called;
 * naervaer-cli and the test programs link the real functions directly.
 *
 * Where the modules are: $NAERVAER_MODULE_DIR when set (the build tree:
 * `meson devenv` and the tests set it); else, for a program started from a
 * meson build tree, <build>/src/modules; else LIBDIR/naervaer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every module's table starts with this. */
typedef struct
{
  gsize size; /* sizeof the whole table: a stale module is refused */
} NvModuleTable;

/* The table module @name (e.g. "nv-pg") exports, loading it on first use
 * (thread-safe; a module is never unloaded). NULL, with @error saying
 * which part of Nærvær is missing, when it cannot be loaded. */
const NvModuleTable *nv_module_load (const char *name, gsize size, GError **error);

/* The table if @name is already loaded, else NULL; never loads. */
const NvModuleTable *nv_module_peek (const char *name);

G_END_DECLS
