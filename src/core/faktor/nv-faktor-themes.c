/* nv-faktor-themes.c — workshop themes suggested by a unit's lowest
 * 10-FAKTOR factors. The mapping is data (faktor-themes.json in the core
 * resource bundle); the themes are the measure/workshop themes, whose labels
 * are translated where they are defined (nv_measure_theme_label).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-faktor"

#include "config.h"

#include <json-glib/json-glib.h>

#include "nv-faktor.h"
#include "nv-measure.h"

#define THEMES_RESOURCE "/io/github/naervaer/Naervaer/core/faktor-themes.json"

GStrv
nv_faktor_themes_for_factor (int factor)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  JsonObject *factors;
  JsonArray *themes;

  g_return_val_if_fail (factor >= 0 && factor < NV_FAKTOR_N, NULL);
  bytes = g_resources_lookup_data (THEMES_RESOURCE, 0, NULL);
  /* Shipped in the bundle and checked by test-faktor: never missing or broken. */
  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL))
    g_error ("faktor-themes.json is not valid JSON");
  factors = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "factors");
  themes = json_object_get_array_member (factors, nv_faktor_factors ()[factor].id);
  for (guint i = 0; themes != NULL && i < json_array_get_length (themes); i++)
    {
      const char *theme = json_array_get_string_element (themes, i);

      if (nv_measure_theme_is_valid (theme))
        g_strv_builder_add (out, theme);
    }
  return g_strv_builder_end (out);
}

GStrv
nv_faktor_suggested_themes (const NvFaktorRound *round)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int lowest[2];

  nv_faktor_lowest_two (round, lowest);
  for (int k = 0; k < 2; k++)
    {
      GStrv themes;

      if (lowest[k] < 0)
        continue;
      themes = nv_faktor_themes_for_factor (lowest[k]);
      g_ptr_array_add (keep, themes);
      for (guint i = 0; themes[i] != NULL; i++)
        if (g_hash_table_add (seen, themes[i]))
          g_strv_builder_add (out, themes[i]);
    }
  return g_strv_builder_end (out);
}
