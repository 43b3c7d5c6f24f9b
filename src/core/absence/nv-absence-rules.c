/* nv-absence-rules.c — the DESIGN §4 rules, as pure functions, and the field
 * parsers the importers and forms share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-absence-private.h"
#include "nv-measure.h"
#include "nv-format.h"

gboolean
nv_field_error (const char **field, const char *name, GError **error, int code,
                const char *format, ...)
{
  va_list args;

  if (field != NULL)
    *field = name;
  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (NV_STORE_ERROR, code, format, args);
      va_end (args);
    }
  return FALSE;
}

/* ---- Spell types -------------------------------------------------------- */

const char *
nv_spell_type_to_string (NvSpellType type)
{
  return type == NV_SPELL_SELF ? "egenmeldt" : "legemeldt";
}

const char *
nv_spell_type_label (NvSpellType type)
{
  return type == NV_SPELL_SELF ? _("Self-certified") : _("Doctor-certified");
}

gboolean
nv_spell_type_parse (const char *text, NvSpellType *type)
{
  const char *end;
  size_t len;

  if (text == NULL)
    return FALSE;
  /* Case-insensitive, surrounding white space ignored; no copies (a million
   * import rows each have a type). */
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  len = (size_t) (end - text);
#define IS(word) (len == strlen (word) && g_ascii_tolower (*text) == (word)[0] &&             \
                  g_ascii_strncasecmp (text, word, len) == 0)
  if (IS ("egenmeldt") || IS ("self"))
    *type = NV_SPELL_SELF;
  else if (IS ("legemeldt") || IS ("doctor"))
    *type = NV_SPELL_DOCTOR;
  else
    return FALSE;
#undef IS
  return TRUE;
}

/* ---- Field parsers and value checks ------------------------------------ */

gboolean
nv_day_parse_field (const char *text, const char *field_name, gboolean allow_empty, NvDay *day,
                    const char **field, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*t == '\0')
    {
      if (allow_empty)
        {
          *day = NV_DAY_NONE;
          return TRUE;
        }
      return nv_field_error (field, field_name, error, NV_STORE_ERROR_INVALID, "%s",
                             _("A date is needed"));
    }
  *day = nv_day_parse (t);
  if (*day == NV_DAY_NONE)
    return nv_field_error (field, field_name, error, NV_STORE_ERROR_INVALID,
                           _("“%s” is not a date (use YYYY-MM-DD or DD.MM.YYYY)"), t);
  return TRUE;
}

gboolean
nv_percent_parse_field (const char *text, const char *field_name, double empty_value,
                        double *value, const char **field, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  size_t len = strlen (t);
  char *end = NULL;
  double v;

  if (len > 0 && t[len - 1] == '%')
    {
      t[--len] = '\0';
      g_strchomp (t);
    }
  if (*t == '\0')
    {
      *value = empty_value;
      return TRUE;
    }
  /* One decimal separator, comma or point; no grouping, no exponent. */
  for (char *p = t; *p != '\0'; p++)
    {
      if (*p == ',')
        *p = '.';
      else if (!g_ascii_isdigit (*p) && *p != '.' && !(p == t && *p == '-'))
        goto bad;
    }
  if (strchr (t, '.') != strrchr (t, '.'))
    goto bad;
  v = g_ascii_strtod (t, &end);
  if (end == t || *end != '\0' || !isfinite (v))
    goto bad;
  *value = v;
  return TRUE;

bad:
  return nv_field_error (field, field_name, error, NV_STORE_ERROR_INVALID,
                         _("“%s” is not a number"), text);
}

char *
nv_employee_ref_normalize (const char *ref)
{
  g_autofree char *t = g_strstrip (g_strdup (ref != NULL ? ref : ""));
  char *nfc = g_utf8_validate (t, -1, NULL) ? g_utf8_normalize (t, -1, G_NORMALIZE_DEFAULT_COMPOSE)
                                           : NULL;

  return nfc != NULL ? nfc : g_steal_pointer (&t);
}

gboolean
nv_employee_ref_check (const char *ref, const char **field, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (ref != NULL ? ref : ""));
  gboolean all_digits = TRUE;
  guint n_digits = 0;

  if (*t == '\0')
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The employee reference is empty"));
  if (!g_utf8_validate (t, -1, NULL))
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The employee reference is not valid text"));
  if (g_utf8_strlen (t, -1) > 40)
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The employee reference is too long (at most 40 characters)"));
  for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                             _("The employee reference contains a line break or another "
                               "control character"));
  for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_FORMAT)
      return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                             _("The employee reference contains an invisible formatting "
                               "character (such as a zero-width space or a direction mark); "
                               "type it again"));
  /* References are codes, not text: a leading =, +, - or @ would make a
   * spreadsheet run the reference as a formula when an export is opened. */
  if (strchr ("=+-@", *t) != NULL)
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID,
                           _("The employee reference starts with “%c”; use letters or digits "
                             "first"),
                           *t);
  for (const char *p = t; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p != ' ' && *p != '.' && *p != '-')
        all_digits = FALSE;
    }
  if ((all_digits && n_digits == 11) || nv_text_looks_like_national_id (t))
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID, "%s",
                           _("An 11-digit number looks like a national identity number; use "
                             "initials or a staff number instead"));
  return TRUE;
}

gboolean
nv_fte_check (double fte, const char **field, GError **error)
{
  if (!isfinite (fte) || fte < 1 || fte > 100)
    {
      g_autofree char *n = nv_format_exact (fte);
      return nv_field_error (field, "fte", error, NV_STORE_ERROR_INVALID,
                             _("%s is outside 1–100"), n);
    }
  return TRUE;
}

gboolean
nv_grade_check (double grade, NvSpellType type, const char **field, GError **error)
{
  if (!isfinite (grade) || grade < 20 || grade > 100)
    {
      g_autofree char *n = nv_format_exact (grade);
      return nv_field_error (field, "grade", error, NV_STORE_ERROR_INVALID,
                             _("%s is outside 20–100"), n);
    }
  if (type == NV_SPELL_SELF && grade != 100)
    {
      g_autofree char *n = nv_format_exact (grade);
      return nv_field_error (field, "grade", error, NV_STORE_ERROR_INVALID,
                             _("Self-certified absence always has grade 100, not %s"), n);
    }
  return TRUE;
}

/* ---- Intervals ---------------------------------------------------------- */

guint
nv_iv_insert_pos (const GArray *ivs, NvDay from)
{
  guint lo = 0, hi = ivs->len;

  /* Rows mostly come in date order (per employee, at least): then the
   * answer is the end, without a search through memory not in the cache. */
  if (hi == 0 || g_array_index (ivs, NvIv, hi - 1).from <= from)
    return hi;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (ivs, NvIv, mid).from <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
nv_iv_insert (GArray *ivs, NvDay from, NvDay to)
{
  NvIv iv = { from, to };
  guint pos = nv_iv_insert_pos (ivs, from);

  if (pos == ivs->len)
    g_array_append_val (ivs, iv);
  else
    g_array_insert_val (ivs, pos, iv);
}

const NvIv *
nv_iv_find_overlap (const GArray *ivs, NvDay from, NvDay to)
{
  guint pos;

  if (ivs == NULL || ivs->len == 0)
    return NULL;
  /* Sorted and non-overlapping: only the last interval starting at or
   * before @to can reach back into [from, to]. */
  pos = nv_iv_insert_pos (ivs, to);
  if (pos == 0)
    return NULL;
  {
    const NvIv *iv = &g_array_index (ivs, NvIv, pos - 1);
    if (iv->to >= from)
      return iv;
  }
  return NULL;
}

NvDay
nv_iv_first_uncovered (const GArray *rows, NvDay from, NvDay to)
{
  NvDay cur = from;

  if (rows == NULL)
    return from;
  for (guint i = nv_iv_insert_pos (rows, from) > 0 ? nv_iv_insert_pos (rows, from) - 1 : 0;
       i < rows->len; i++)
    {
      const NvIv *r = &g_array_index (rows, NvIv, i);
      if (r->to < cur)
        continue;
      if (r->from > cur)
        return cur;
      if (r->to == NV_DAY_OPEN || r->to >= to)
        return NV_DAY_NONE;
      cur = r->to + 1;
    }
  return to == NV_DAY_OPEN && cur != from ? NV_DAY_OPEN : cur;
}

char *
nv_iv_describe (NvDay from, NvDay to)
{
  g_autofree char *a = nv_day_format_local (from);

  if (to == NV_DAY_OPEN || to == NV_DAY_NONE)
    return g_strdup_printf (_("from %s"), a);
  {
    g_autofree char *b = nv_day_format_local (to);
    return g_strdup_printf ("%s–%s", a, b);
  }
}

/* ---- Rules -------------------------------------------------------------- */

gboolean
nv_rules_roster_values (double fte, NvDay from, NvDay to, const char **field, GError **error)
{
  if (!nv_fte_check (fte, field, error))
    return FALSE;
  if (from == NV_DAY_NONE)
    return nv_field_error (field, "from", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The employment needs a start date"));
  if (to != NV_DAY_NONE && to != NV_DAY_OPEN && to < from)
    {
      g_autofree char *a = nv_day_format_local (to);
      g_autofree char *b = nv_day_format_local (from);
      return nv_field_error (field, "to", error, NV_STORE_ERROR_INVALID,
                             _("The end %s is before the start %s"), a, b);
    }
  return TRUE;
}

gboolean
nv_rules_roster_overlap (const char *ref, const GArray *others, NvDay from, NvDay to,
                         const char **field, GError **error)
{
  const NvIv *hit = nv_iv_find_overlap (others, from, nv_iv_end (to));

  if (hit != NULL)
    {
      g_autofree char *what = nv_iv_describe (hit->from, hit->to);
      return nv_field_error (field, hit->from <= from ? "from" : "to", error,
                             NV_STORE_ERROR_INVALID,
                             _("Overlaps %s’s roster row %s"), ref, what);
    }
  return TRUE;
}

gboolean
nv_rules_spells_covered (const char *ref, const GArray *rows, const GArray *spells,
                         const char *field_name, const char **field, GError **error)
{
  for (guint i = 0; spells != NULL && i < spells->len; i++)
    {
      const NvIv *s = &g_array_index (spells, NvIv, i);
      if (nv_iv_first_uncovered (rows, s->from, s->to) != NV_DAY_NONE)
        {
          g_autofree char *what = nv_iv_describe (s->from, s->to);
          if (s->to == NV_DAY_OPEN)
            return nv_field_error (field, field_name, error, NV_STORE_ERROR_INVALID,
                                   _("%s has an open absence spell %s that would fall outside "
                                     "the employment; end or change the spell first"),
                                   ref, what);
          return nv_field_error (field, field_name, error, NV_STORE_ERROR_INVALID,
                                 _("%s’s absence spell %s would fall outside the employment; "
                                   "change or delete the spell first"),
                                 ref, what);
        }
    }
  return TRUE;
}

gboolean
nv_rules_spell_values (NvDay start, NvDay end, double grade, NvSpellType type, const char **field,
                       GError **error)
{
  if (start == NV_DAY_NONE)
    return nv_field_error (field, "start", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The absence needs a start date"));
  if (end != NV_DAY_NONE && end != NV_DAY_OPEN && end < start)
    {
      g_autofree char *a = nv_day_format_local (end);
      g_autofree char *b = nv_day_format_local (start);
      return nv_field_error (field, "end", error, NV_STORE_ERROR_INVALID,
                             _("The end %s is before the start %s"), a, b);
    }
  if (type != NV_SPELL_SELF && type != NV_SPELL_DOCTOR)
    return nv_field_error (field, "type", error, NV_STORE_ERROR_INVALID, "%s",
                           _("The type must be egenmeldt or legemeldt"));
  return nv_grade_check (grade, type, field, error);
}

gboolean
nv_rules_spell_employment (const char *ref, const GArray *rows, NvDay start, NvDay end,
                           const char **field, GError **error)
{
  NvDay e = nv_iv_end (end);
  NvDay gap;

  if (rows == NULL || rows->len == 0)
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_INVALID,
                           _("“%s” is not on the roster"), ref);
  gap = nv_iv_first_uncovered (rows, start, e);
  if (gap == NV_DAY_NONE)
    return TRUE;
  if (gap == start)
    {
      g_autofree char *d = nv_day_format_local (start);
      return nv_field_error (field, "start", error, NV_STORE_ERROR_INVALID,
                             _("%s is not employed on %s"), ref, d);
    }
  if (gap == NV_DAY_OPEN)
    return nv_field_error (field, "end", error, NV_STORE_ERROR_INVALID,
                           _("An open absence needs an ongoing employment, but %s’s "
                             "employment has ended"),
                           ref);
  {
    g_autofree char *d = nv_day_format_local (gap);
    return nv_field_error (field, "end", error, NV_STORE_ERROR_INVALID,
                           _("%s is not employed on %s"), ref, d);
  }
}

gboolean
nv_rules_spell_overlap (const char *ref, const GArray *others, NvDay start, NvDay end,
                        const char **field, GError **error)
{
  const NvIv *hit = nv_iv_find_overlap (others, start, nv_iv_end (end));

  if (hit != NULL)
    {
      g_autofree char *what = nv_iv_describe (hit->from, hit->to);
      return nv_field_error (field, hit->from <= start ? "start" : "end", error,
                             NV_STORE_ERROR_INVALID, _("Overlaps %s’s absence spell %s"), ref,
                             what);
    }
  return TRUE;
}
