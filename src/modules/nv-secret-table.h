/* nv-secret-table.h — what nv-secret.so exports: nv-keyring.h's functions,
 * so that libsecret is loaded only when the keyring is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-keyring.h"
#include "nv-module.h"

G_BEGIN_DECLS

typedef struct
{
  NvModuleTable base;
  char *(*lookup) (const char *connection);
  gboolean (*store) (const char *connection, const char *password, GError **error);
  void (*forget) (const char *connection);
} NvSecretTable;

G_END_DECLS
