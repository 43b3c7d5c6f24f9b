/* The Absence page: tables, inline validation in the dialogs, and the import
 * preview that lists every problem and writes nothing. */
#include "config.h"

#include <adwaita.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence-page.h"
#include "nv-absence.h"
#include "nv-auto-backup.h"
#include "nv-date-entry.h"
#include "nv-import-dialog.h"
#include "nv-monthly-dialog.h"
#include "nv-roster-dialog.h"
#include "nv-spell-dialog.h"
#include "nv-table.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"

typedef struct
{
  NvTestDb db;
  gint64 unit;
  gint64 e1;
  GtkWidget *window;
  NvAbsencePage *page;
} Fixture;


static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  nv_test_db_open_with_context (&f->db, NV_DAY_NONE);
  f->unit = nv_unit_add (f->db.store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  g_assert_no_error (error);
  f->page = g_object_new (NV_TYPE_ABSENCE_PAGE, NULL);
  f->window = nv_test_page_window (f->page, f->db.context, f->unit, 0, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  nv_test_spin ();
  nv_test_db_close (&f->db);
}


static guint
n_spells (Fixture *f)
{
  g_autoptr (GPtrArray) spells = nv_spell_list (f->db.store, f->unit, NULL);
  return spells->len;
}

static const char *
cell (NvAbsencePage *page, const char *part, guint row, guint column)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (nv_absence_page_get_view (page,
                                                                                         part)));
  g_autoptr (NvTableItem) item = g_list_model_get_item (model, row);

  g_assert_nonnull (item);
  /* The sick-leave rows are made when asked for: the text outlives the row. */
  return g_intern_string (nv_table_item_get_text (item, column));
}

static void
test_tables (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GListModel *spells;
  gint64 e2;

  nv_test_spin ();
  g_assert_true (nv_absence_page_is_empty (f->page, "roster"));
  g_assert_true (nv_absence_page_is_empty (f->page, "spells"));
  g_assert_true (nv_absence_page_is_empty (f->page, "monthly"));

  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 80, nv_day_from_ymd (2024, 1, 1));
  e2 = nv_test_add_staff (f->db.store, f->unit, "CD", 100, nv_day_from_ymd (2024, 1, 1));
  nv_spell_add (f->db.store, f->e1, nv_day_from_ymd (2025, 3, 3), nv_day_from_ymd (2025, 3, 7), 50,
                NV_SPELL_DOCTOR, NULL, &error);
  g_assert_no_error (error);
  nv_spell_add (f->db.store, e2, nv_day_from_ymd (2025, 4, 1), NV_DAY_NONE, 100, NV_SPELL_DOCTOR,
                NULL, &error);
  g_assert_no_error (error);
  nv_test_spin ();

  g_assert_false (nv_absence_page_is_empty (f->page, "roster"));
  g_assert_cmpstr (cell (f->page, "roster", 0, 0), ==, "AB");
  g_assert_cmpstr (cell (f->page, "roster", 0, 1), ==, "80\xc2\xa0%");
  g_assert_cmpstr (cell (f->page, "roster", 0, 2), ==, "01.01.2024");

  /* Newest first; an open spell says so. */
  spells = G_LIST_MODEL (gtk_column_view_get_model (nv_absence_page_get_view (f->page, "spells")));
  g_assert_cmpuint (g_list_model_get_n_items (spells), ==, 2);
  g_assert_cmpstr (cell (f->page, "spells", 0, 0), ==, "CD");
  g_assert_cmpstr (cell (f->page, "spells", 0, 2), ==, "ongoing");
  g_assert_cmpstr (cell (f->page, "spells", 1, 1), ==, "03.03.2025");
  g_assert_cmpstr (cell (f->page, "spells", 1, 2), ==, "07.03.2025");
  g_assert_cmpstr (cell (f->page, "spells", 1, 3), ==, "5");
  g_assert_cmpstr (cell (f->page, "spells", 1, 4), ==, "50\xc2\xa0%");
  g_assert_cmpstr (cell (f->page, "spells", 1, 5), ==, "Doctor-certified");

  {
    NvMonthly m = { f->unit, 2025, 3, 400, 4, 16, 20 };
    g_assert_true (nv_monthly_upsert (f->db.store, &m, NULL, &error));
  }
  nv_test_spin ();
  g_assert_false (nv_absence_page_is_empty (f->page, "monthly"));
  g_assert_cmpstr (cell (f->page, "monthly", 0, 0), ==, "March 2025");
  /* (4 + 16) / 400 = 5,0 % */
  g_assert_cmpstr (cell (f->page, "monthly", 0, 5), ==, "5,0\xc2\xa0%");

  nv_absence_page_show_part (f->page, "monthly");
  g_assert_cmpstr (nv_absence_page_get_part (f->page), ==, "monthly");
}

/* Staff who have left come after the others: last in the staff table
 * («Earlier»), last in the sick-leave picker and marked «(former)». */
static void
test_former_last (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GListModel *roster, *names;
  NvSpellDialog *dialog;
  gint64 left;
  guint n;

  left = nv_test_add_staff (f->db.store, f->unit, "AA", 100, nv_day_from_ymd (2020, 1, 1));
  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 80, nv_day_from_ymd (2024, 1, 1));
  nv_test_add_staff (f->db.store, f->unit, "CD", 100, nv_day_from_ymd (2024, 1, 1));
  g_assert_true (nv_roster_end_employment (f->db.store, left, nv_day_from_ymd (2023, 12, 31), NULL,
                                           &error));
  g_assert_no_error (error);
  /* AB's first row ended when the FTE changed: AB still works here. */
  g_assert_true (
      nv_roster_change_fte (f->db.store, f->e1, nv_day_from_ymd (2025, 1, 1), 100, NULL, &error));
  g_assert_no_error (error);
  nv_test_spin ();

  /* Those who have left are separated from the staff by a heading of their
   * own (issue 18 item 11); an earlier row of someone still here stays with
   * the staff. */
  roster = G_LIST_MODEL (gtk_column_view_get_model (nv_absence_page_get_view (f->page, "roster")));
  n = g_list_model_get_n_items (roster);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (cell (f->page, "roster", 0, 0), ==, "AB");
  g_assert_cmpstr (cell (f->page, "roster", 1, 0), ==, "AB");
  g_assert_cmpstr (cell (f->page, "roster", 2, 0), ==, "CD");
  g_assert_cmpstr (cell (f->page, "roster", 3, 0), ==, "Former Employees (1)");
  {
    g_autoptr (NvTableItem) heading = g_list_model_get_item (roster, 3);
    g_assert_true (nv_table_item_is_heading (heading));
    g_assert_null (nv_table_item_get_data (heading)); /* nothing to edit or delete */
  }
  g_assert_cmpstr (cell (f->page, "roster", 4, 0), ==, "AA");
  g_assert_cmpstr (cell (f->page, "roster", 4, 4), ==, "Left");
  g_assert_cmpstr (cell (f->page, "roster", 0, 4), ==, "Earlier");
  /* Selecting the heading and asking to edit it opens nothing. */
  {
    g_autoptr (GList) before = gtk_window_list_toplevels ();
    g_autoptr (GList) after = NULL;

    gtk_selection_model_select_item (GTK_SELECTION_MODEL (roster), 3, TRUE);
    gtk_widget_activate_action (GTK_WIDGET (f->page), "absence.edit-roster", NULL);
    nv_test_spin ();
    after = gtk_window_list_toplevels ();
    g_assert_cmpuint (g_list_length (after), ==, g_list_length (before));
  }

  dialog = nv_spell_dialog_new (NULL, f->db.context, f->unit, NV_SPELL_DIALOG_ADD, 0);
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (nv_spell_dialog_get_field (dialog, "employee")));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4); /* «Choose…» and three */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "AB");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==, "AA (former)");
  gtk_window_destroy (GTK_WINDOW (dialog));
  nv_test_spin ();
}

static void
set_date (NvSpellDialog *dialog, const char *field, const char *text)
{
  NvDateEntry *entry = NV_DATE_ENTRY (nv_spell_dialog_get_field (dialog, field));
  gtk_editable_set_text (nv_date_entry_get_editable (entry), text);
}

static void
test_spell_validation (Fixture *f, gconstpointer data)
{
  NvSpellDialog *dialog;
  NvFormDialog *form;
  GtkWidget *grade;

  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2024, 1, 1));
  dialog = nv_spell_dialog_new (NULL, f->db.context, f->unit, NV_SPELL_DIALOG_ADD, 0);
  form = NV_FORM_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin ();

  /* Nothing typed yet: no scolding, but no saving either. */
  g_assert_false (nv_form_dialog_can_save (form));
  g_assert_null (nv_form_dialog_get_error (form, "start"));

  /* Each field's error line is kept while empty: a message appearing does
   * not move the fields below it (issue 18 item 11). */
  {
    GtkWidget *content = gtk_window_get_child (GTK_WINDOW (dialog));
    int before = 0, after = 0;

    gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 600, NULL, &before, NULL, NULL);
    nv_form_dialog_set_error (form, "start", "Feil dato");
    gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 600, NULL, &after, NULL, NULL);
    g_assert_cmpint (before, ==, after);
    nv_form_dialog_set_error (form, "start", NULL);
    g_assert_null (nv_form_dialog_get_error (form, "start"));
  }

  /* The only employee is chosen already. A date that does not exist. */
  set_date (dialog, "start", "30.02.2025");
  g_assert_false (nv_form_dialog_can_save (form));
  g_assert_nonnull (nv_form_dialog_get_error (form, "start"));

  /* End before start: the core's message beside the end field. */
  set_date (dialog, "start", "10.03.2025");
  set_date (dialog, "end", "05.03.2025");
  g_assert_false (nv_form_dialog_can_save (form));
  g_assert_false (gtk_widget_get_sensitive (nv_form_dialog_get_save_button (form)));
  g_assert_nonnull (nv_form_dialog_get_error (form, "end"));
  g_assert_null (nv_form_dialog_get_error (form, "start"));
  g_assert_false (nv_form_dialog_save (form));
  g_assert_cmpuint (n_spells (f), ==, 0);

  /* Before the employment began. */
  set_date (dialog, "start", "10.12.2023");
  set_date (dialog, "end", "12.12.2023");
  g_assert_false (nv_form_dialog_can_save (form));

  /* Self-certified fixes the grade at 100 %. */
  grade = nv_spell_dialog_get_field (dialog, "grade");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (grade), 60);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nv_spell_dialog_get_field (dialog, "self")),
                               TRUE);
  g_assert_false (gtk_widget_get_sensitive (grade));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (grade)), ==, 100);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nv_spell_dialog_get_field (dialog, "doctor")),
                               TRUE);
  g_assert_true (gtk_widget_get_sensitive (grade));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (grade)), ==, 60);

  /* Valid now: saved, and the dialog closes. */
  set_date (dialog, "start", "2025-03-10");
  set_date (dialog, "end", "14.03.2025");
  g_assert_true (nv_form_dialog_can_save (form));
  g_assert_true (gtk_widget_get_sensitive (nv_form_dialog_get_save_button (form)));
  g_assert_true (nv_form_dialog_save (form));
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 1);

  /* An overlapping spell is refused as the user types. */
  dialog = nv_spell_dialog_new (NULL, f->db.context, f->unit, NV_SPELL_DIALOG_ADD, 0);
  form = NV_FORM_DIALOG (dialog);
  set_date (dialog, "start", "12.03.2025");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nv_spell_dialog_get_field (dialog, "open")),
                               TRUE);
  g_assert_false (nv_form_dialog_can_save (form));
  g_assert_nonnull (nv_form_dialog_get_error (form, "start") != NULL
                      ? nv_form_dialog_get_error (form, "start")
                      : nv_form_dialog_get_error (form, "end"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 1);
}

/* The calendar of an empty date field opens on today by the context's
 * clock, not the system's (issue 13 item 2); on the day typed otherwise. */
static NvDay
calendar_shows (NvDateEntry *entry)
{
  GtkWidget *button = gtk_widget_get_last_child (GTK_WIDGET (entry));
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_autoptr (GDateTime) date = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  nv_test_spin ();
  date = gtk_calendar_get_date (GTK_CALENDAR (gtk_popover_get_child (popover)));
  gtk_popover_popdown (popover);
  nv_test_spin ();
  return nv_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date));
}

static void
test_calendar_today (Fixture *f, gconstpointer data)
{
  NvDay fixed = nv_day_from_ymd (2021, 3, 15);
  g_autoptr (NvContext) context = nv_test_context_new (f->db.store, fixed);
  NvSpellDialog *dialog;
  NvDateEntry *start;

  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2020, 1, 1));
  dialog = nv_spell_dialog_new (NULL, context, f->unit, NV_SPELL_DIALOG_ADD, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin ();
  start = NV_DATE_ENTRY (nv_spell_dialog_get_field (dialog, "start"));
  g_assert_cmpuint (calendar_shows (start), ==, fixed);
  set_date (dialog, "start", "02.02.2022");
  g_assert_cmpuint (calendar_shows (start), ==, nv_day_from_ymd (2022, 2, 2));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_roster_validation (Fixture *f, gconstpointer data)
{
  NvRosterDialog *dialog = nv_roster_dialog_new (NULL, f->db.context, f->unit, NV_ROSTER_DIALOG_ADD, 0);
  NvFormDialog *form = NV_FORM_DIALOG (dialog);
  GtkEditable *ref = GTK_EDITABLE (nv_roster_dialog_get_field (dialog, "employee"));
  NvDateEntry *from = NV_DATE_ENTRY (nv_roster_dialog_get_field (dialog, "from"));
  g_autoptr (GPtrArray) rows = NULL;

  /* A national identity number is never stored. */
  gtk_editable_set_text (ref, "01017012345");
  gtk_editable_set_text (nv_date_entry_get_editable (from), "01.01.2025");
  g_assert_false (nv_form_dialog_can_save (form));
  g_assert_nonnull (nv_form_dialog_get_error (form, "employee"));

  gtk_editable_set_text (ref, "KN");
  g_assert_true (nv_form_dialog_can_save (form));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nv_roster_dialog_get_field (dialog, "fte")), 60);
  g_assert_true (nv_form_dialog_save (form));
  nv_test_spin ();
  rows = nv_roster_list (f->db.store, f->unit, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpfloat (((NvRosterRow *) rows->pdata[0])->fte, ==, 60);
}

static char *
write_file (Fixture *f, const char *name, const char *text)
{
  char *path = g_build_filename (f->db.dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The import dialog for the spells file @path, which must open. */
static NvImportDialog *
spells_dialog (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  NvImportDialog *dialog =
    nv_import_dialog_new (NULL, f->db.context, f->unit, NV_IMPORT_SPELLS, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_import_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  NvImportDialog *dialog;
  GListModel *problems;
  gboolean found = FALSE;

  nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2024, 1, 1));
  bad = write_file (f, "spells.csv",
                    "ansatt;fra;til;grad;type\r\n"
                    "AB;03.03.2025;07.03.2025;100;legemeldt\r\n"
                    "AB;01.04.2025;04.04.2025;150;legemeldt\r\n");
  dialog = spells_dialog (f, bad);
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin ();

  g_assert_false (nv_import_dialog_can_import (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (nv_import_dialog_get_rows (dialog)), ==, 2);
  problems = nv_import_dialog_get_problems (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr (NvTableItem) item = g_list_model_get_item (problems, i);
      if (g_str_equal (nv_table_item_get_text (item, 0), "3")
          && g_str_equal (nv_table_item_get_text (item, 1), "grad")
          && strstr (nv_table_item_get_text (item, 2), "150") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  /* Pressing Import anyway does nothing, and nothing was written. */
  g_assert_false (nv_import_dialog_import (dialog));
  g_assert_cmpuint (n_spells (f), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 0);

  good = write_file (f, "good.csv",
                     "employee,start,end,grade,type\n"
                     "AB,2025-03-03,2025-03-07,50,doctor\n"
                     "AB,2025-04-01,,100,self\n");
  dialog = spells_dialog (f, good);
  g_assert_true (nv_import_dialog_can_import (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (nv_import_dialog_get_problems (dialog)), ==, 0);
  g_assert_cmpuint (n_spells (f), ==, 0); /* the preview wrote nothing */
  {
    g_autofree char *dir = nv_auto_backup_dir (f->db.store);
    g_autoptr (GPtrArray) before = nv_auto_backup_list (dir);

    g_assert_cmpuint (before->len, ==, 0); /* the refused import made none */
    g_assert_true (nv_import_dialog_import (dialog));
    nv_test_spin ();
    g_assert_cmpuint (n_spells (f), ==, 2);

    /* An automatic backup, taken before the spells were stored. */
    {
      g_autoptr (GPtrArray) after = nv_auto_backup_list (dir);
      g_autoptr (NvStore) copy = NULL;
      g_autoptr (GPtrArray) spells = NULL;

      g_assert_cmpuint (after->len, ==, 1);
      g_assert_true (g_str_has_suffix (g_ptr_array_index (after, 0), "-import.db"));
      g_assert_cmpuint (nv_test_mode (g_ptr_array_index (after, 0)), ==, 0600);
      copy = nv_store_open (g_ptr_array_index (after, 0), &error);
      g_assert_no_error (error);
      spells = nv_spell_list (copy, f->unit, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (spells->len, ==, 0);
    }
  }
}

/* The database itself (or its -wal), picked in the file chooser, is refused
 * with its name before the dialog opens; nothing is read or stored. */
static void
test_import_the_database (Fixture *f, gconstpointer data)
{
  const char *db = nv_store_get_path (f->db.store);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  const char *picked[] = { db, wal };

  for (guint i = 0; i < G_N_ELEMENTS (picked); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_path_get_basename (picked[i]);
      NvImportDialog *dialog = nv_import_dialog_new (NULL, f->db.context, f->unit,
                                                     NV_IMPORT_SPELLS, picked[i], &error);
      g_assert_null (dialog);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_nonnull (strstr (error->message, "Nothing was read"));
    }
  g_assert_cmpuint (n_spells (f), ==, 0);
  g_assert_true (nv_store_check (f->db.store, NULL, NULL));
}

/* When the automatic backup cannot be made, nothing is imported and the
 * dialog says why; switched off, the import goes ahead without one. */
static void
test_import_backup_fails (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->db.context);
  g_autofree char *dir = nv_auto_backup_dir (f->db.store);
  g_autofree char *good = NULL;
  NvImportDialog *dialog;

  nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2024, 1, 1));
  good = write_file (f, "good.csv",
                     "employee,start,end,grade,type\n"
                     "AB,2025-03-03,2025-03-07,50,doctor\n");
  /* A file where the folder should be: the backup cannot be written. */
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));
  dialog = spells_dialog (f, good);
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin ();
  g_assert_false (nv_import_dialog_import (dialog));
  g_assert_cmpuint (n_spells (f), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  nv_test_spin ();

  g_settings_set_boolean (settings, "auto-backup", FALSE);
  dialog = spells_dialog (f, good);
  g_assert_true (nv_import_dialog_import (dialog));
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 1);
  g_settings_reset (settings, "auto-backup");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours to free */
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ADW_MESSAGE_DIALOG (window);
    }
  return found;
}

/* Delete (the key runs this action) asks first; Cancel keeps the spell. */
static void
test_delete_asks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkSelectionModel *model;
  AdwMessageDialog *dialog;

  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2024, 1, 1));
  nv_spell_add (f->db.store, f->e1, nv_day_from_ymd (2025, 3, 3), nv_day_from_ymd (2025, 3, 7), 100,
                NV_SPELL_DOCTOR, NULL, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  nv_test_spin ();

  /* Nothing selected: nothing to delete, nothing asked. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "absence.delete-spell", NULL);
  nv_test_spin ();
  g_assert_null (find_message_dialog ());
  model = gtk_column_view_get_model (nv_absence_page_get_view (f->page, "spells"));
  gtk_selection_model_select_item (model, 0, TRUE);
  nv_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "absence.delete-spell", NULL));
  nv_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (n_spells (f), ==, 1);
  adw_message_dialog_response (dialog, "cancel");
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 1);

  gtk_selection_model_select_item (model, 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "absence.delete-spell", NULL));
  nv_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  nv_test_spin ();
  g_assert_cmpuint (n_spells (f), ==, 0);
  g_assert_true (nv_absence_page_is_empty (f->page, "spells"));
}

static void
set_spin (NvMonthlyDialog *d, const char *field, double value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nv_monthly_dialog_get_field (d, field)), value);
}

/* An empty month cannot be added; a month that takes over figures computed
 * from the spells is saved only when the leader agrees to it. */
static void
test_monthly_empty_and_replace (Fixture *f, gconstpointer data)
{
  NvMonthlyDialog *d = NULL;
  GtkWidget *replace;
  g_autoptr (GPtrArray) months = NULL;

  /* Nobody on the roster in March 2024: nothing computed to replace. */
  f->e1 = nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2025, 1, 1));
  d = nv_monthly_dialog_new (GTK_WINDOW (f->window), f->db.context, f->unit, 0, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (nv_monthly_dialog_get_field (d, "period")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nv_monthly_dialog_get_field (d, "year")), 2024);
  nv_test_spin ();
  g_assert_false (nv_form_dialog_can_save (NV_FORM_DIALOG (d)));
  g_assert_nonnull (nv_form_dialog_get_error (NV_FORM_DIALOG (d), "contracted_days"));
  set_spin (d, "contracted_days", 200);
  nv_test_spin ();
  g_assert_false (nv_form_dialog_can_save (NV_FORM_DIALOG (d)));
  g_assert_nonnull (nv_form_dialog_get_error (NV_FORM_DIALOG (d), "persons"));
  set_spin (d, "persons", 10);
  nv_test_spin ();
  g_assert_true (nv_form_dialog_can_save (NV_FORM_DIALOG (d)));
  g_assert_false (gtk_widget_get_visible (nv_monthly_dialog_get_field (d, "replace")));

  /* March 2025 has AB on the roster: the dialog says so and asks. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nv_monthly_dialog_get_field (d, "year")), 2025);
  nv_test_spin ();
  replace = nv_monthly_dialog_get_field (d, "replace");
  g_assert_true (gtk_widget_get_visible (replace));
  g_assert_false (nv_form_dialog_can_save (NV_FORM_DIALOG (d)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (replace), TRUE);
  nv_test_spin ();
  g_assert_true (nv_form_dialog_can_save (NV_FORM_DIALOG (d)));
  g_assert_true (nv_form_dialog_save (NV_FORM_DIALOG (d)));
  months = nv_monthly_list (f->db.store, f->unit, NULL);
  g_assert_cmpuint (months->len, ==, 1);
  nv_test_spin ();
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add ("/ui/absence/tables", Fixture, NULL, setup, test_tables, teardown);
  g_test_add ("/ui/absence/former-last", Fixture, NULL, setup, test_former_last, teardown);
  g_test_add ("/ui/absence/spell-validation", Fixture, NULL, setup, test_spell_validation,
              teardown);
  g_test_add ("/ui/absence/calendar-today", Fixture, NULL, setup, test_calendar_today, teardown);
  g_test_add ("/ui/absence/roster-validation", Fixture, NULL, setup, test_roster_validation,
              teardown);
  g_test_add ("/ui/absence/import-preview", Fixture, NULL, setup, test_import_preview, teardown);
  g_test_add ("/ui/absence/import-the-database", Fixture, NULL, setup, test_import_the_database,
              teardown);
  g_test_add ("/ui/absence/import-backup-fails", Fixture, NULL, setup, test_import_backup_fails,
              teardown);
  g_test_add ("/ui/absence/monthly-empty-and-replace", Fixture, NULL, setup,
              test_monthly_empty_and_replace, teardown);
  g_test_add ("/ui/absence/delete-asks", Fixture, NULL, setup, test_delete_asks, teardown);
  return g_test_run ();
}
