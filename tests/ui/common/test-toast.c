/* Toasts read whole (issue 12, noticed in the ninth session): every toast
 * text of the app, in Norwegian (the real translations) with the longest
 * realistic arguments, is either shown whole on the toast's one line or in a
 * dialog instead — at 1280 px and at 360 px. Shown through nv_toast_add(),
 * which every toast of the app goes through, into a real AdwToastOverlay. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "nv-backup.h"
#include "nv-measure.h"
#include "nv-test-ui.h"
#include "nv-toast.h"

/* A long but real file name, unit name, path and measure title. */
#define LONG_FILE "Sykefravær Hjemmetjenesten Nordre 2026 4. kvartal – til arbeidsmiljøutvalget.pdf"
#define LONG_PATH "/home/kari.nordmann/Dokumenter/Nærvær/Rapporter til AMU 2026/" LONG_FILE
#define LONG_MEASURE "Faste pauser og bedre turnus i helgene for nattpatruljen"

static GPtrArray *
texts (void)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts
      = g_strdup_printf (_ ("%u new, %u replaced, %u unchanged"), 1234, 567, 8901);
  g_autofree char *backup = nv_backup_suggested_name ();
  g_autofree char *status = g_utf8_strdown (nv_measure_status_label (NV_MEASURE_DONE), -1);
  const char *plain[] = {
    /* nv-window, nv-window-report, nv-municipality-page, nv-workshop-view */
    _ ("Workbook saved"),
    _ ("Overview saved"),
    _ ("Report saved"),
    _ ("PDF saved"),
    _ ("Demo data added. Delete the demo units when you start for real."),
    _ ("Unit deleted"),
    _ ("The document could not be printed."),
    _ ("Write the follow-up date as DD.MM.YYYY."),
    _ ("Follow-up date saved"),
    _ ("Evaluation saved"),
    _ ("Someone else saved this workshop while you had it open. "
       "Their version is shown now: make your change again."),
    /* measures, absence, follow-up, compare */
    _ ("Measure deleted"),
    _ ("Evaluation note added"),
    _ ("Note deleted"),
    _ ("Deleted"),
    _ ("Employee added"),
    _ ("Employment ended"),
    _ ("FTE changed"),
    _ ("Monthly figures added"),
    _ ("Monthly figures saved"),
    _ ("Roster row saved"),
    _ ("Sick leave added"),
    _ ("Sick leave ended"),
    _ ("Sick leave saved"),
    _ ("No employees are registered in this unit"),
    _ ("Fetching figures from SSB…"),
    _ ("Marked as done"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    g_ptr_array_add (out, g_strdup (plain[i]));
  g_ptr_array_add (out, g_strdup_printf (_ ("Saved “%s”"), LONG_FILE));
  g_ptr_array_add (out, g_strdup_printf (_ ("Measures saved to “%s”"), LONG_FILE));
  g_ptr_array_add (out, g_strdup_printf (_ ("“%s” is now %s"), LONG_MEASURE, status));
  g_ptr_array_add (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row imported",
                                                      "%u rows imported", 123456),
                                         123456));
  g_ptr_array_add (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row exported",
                                                      "%u rows exported", 123456),
                                         123456));
  g_ptr_array_add (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u imported figure",
                                                      "Removed %u imported figures", 1234),
                                         1234));
  g_ptr_array_add (out, g_strdup_printf (_ ("Figures imported: %s"), counts));
  g_ptr_array_add (out, g_strdup_printf (_ ("Backup saved as “%s”"), backup));
  g_ptr_array_add (out,
                   g_strdup_printf (_ ("Backup restored. The database as it was is kept as “%s”."),
                                    "naervaer.db.before-restore-20261207-235959"));
  g_ptr_array_add (out, g_strdup_printf (_ ("%s for %s is no longer marked as done"),
                                         "Slutt på arbeidsgiverperioden", "ZZ"));
  /* Errors pass their message through: the longest kinds. */
  g_ptr_array_add (out,
                   g_strdup_printf (_ ("Cannot write “%s”: %s"), LONG_PATH, g_strerror (EACCES)));
  g_ptr_array_add (out, g_strdup_printf (_ ("“%s” is the database Nærvær is using. Saving there "
                                            "would replace all its data, so nothing was written. "
                                            "Choose another name or folder."),
                                         "naervaer.db"));
  return out;
}

static GtkWidget *
find_title (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) == NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_title (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toast shown in @overlay (not its child), or NULL. */
static GtkWidget *
toast_widget (GtkWidget *overlay)
{
  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget") && gtk_widget_get_mapped (c))
      return c;
  return NULL;
}

/* A message dialog over @window, or NULL. */
static AdwMessageDialog *
dialog_over (GtkWindow *window)
{
  g_autoptr (GListModel) toplevels = G_LIST_MODEL (g_object_ref (gtk_window_get_toplevels ()));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == window)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Whether @label's text is cut at the width it was given. */
static gboolean
label_is_cut (GtkWidget *label)
{
  g_autoptr (PangoLayout) layout
      = gtk_widget_create_pango_layout (label, gtk_label_get_text (GTK_LABEL (label)));

  pango_layout_set_width (layout, gtk_widget_get_width (label) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return pango_layout_is_ellipsized (layout)
         || pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

typedef struct
{
  GtkWidget *overlay;
  GtkWindow *window;
} Shown;

static gboolean
shown (gpointer data)
{
  Shown *s = data;
  GtkWidget *toast = toast_widget (s->overlay);

  return dialog_over (s->window) != NULL
         || (toast != NULL && gtk_widget_get_width (toast) > 0 && find_title (toast) != NULL
             && gtk_widget_get_width (find_title (toast)) > 0);
}

/* @text (with a button @button_label, or none) in a toast in a window
 * @width px wide: whole on the toast's line, or whole in a dialog. */
static void
check_text (int width, const char *text, const char *button_label)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  AdwToast *toast = adw_toast_new (text);
  Shown s = { overlay, window };
  AdwMessageDialog *dialog;
  GtkWidget *widget;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new (NULL));
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, width, 400);
  gtk_window_present (window);
  nv_test_spin_rounds (4, 5000);
  g_assert_cmpint (gtk_widget_get_width (overlay), ==, width);
  if (button_label != NULL)
    adw_toast_set_button_label (toast, button_label);
  nv_toast_add (ADW_TOAST_OVERLAY (overlay), toast);
  nv_test_wait_until (shown, &s, 10, "the toast or the dialog");
  nv_test_spin_rounds (2, 5000);
  dialog = dialog_over (window);
  if (dialog != NULL)
    {
      const char *heading = adw_message_dialog_get_heading (dialog);
      const char *body = adw_message_dialog_get_body (dialog);

      g_test_message ("%d px: dialog «%s» / «%s»", width, heading, body);
      /* With NV_TOAST_SHOTS=DIR: the dialogs as PNGs there, to look at. */
      if (g_getenv ("NV_TOAST_SHOTS") != NULL)
        {
          static guint n;
          g_autofree char *name = g_strdup_printf ("toast-dialog-%d-%u.png", width, n++);
          g_autofree char *path = g_build_filename (g_getenv ("NV_TOAST_SHOTS"), name, NULL);

          nv_test_spin_rounds (20, 20000);
          nv_test_save_png (GTK_WIDGET (dialog), path);
        }
      g_assert_true (heading != NULL || body != NULL);
      /* All of it: the heading and the body together. */
      g_assert_cmpuint ((body != NULL ? strlen (body) : 0)
                            + (heading != NULL ? strlen (heading) : 0),
                        >=, strlen (text) - 2);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  else
    {
      widget = find_title (toast_widget (overlay));
      g_test_message ("%d px: toast «%s», %d px", width, gtk_label_get_text (GTK_LABEL (widget)),
                      gtk_widget_get_width (widget));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, text);
      g_assert_false (label_is_cut (widget));
    }
  gtk_window_destroy (window);
  nv_test_spin_rounds (2, 5000);
}

static void
test_whole (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  g_autoptr (GPtrArray) all = texts ();

  for (guint i = 0; i < all->len; i++)
    check_text (width, g_ptr_array_index (all, i), NULL);
}

/* Marking a step done: its toast has an Undo; in a window too narrow for
 * the whole sentence beside it, the short one (nv-followup-dialogs.c). */
static void
test_undo (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  g_autofree char *long_text
      = g_strdup_printf (_ ("%s for %s marked as done"), "Slutt på arbeidsgiverperioden", "ZZ");
  GtkWidget *probe = gtk_label_new (NULL);
  const char *text;

  g_object_ref_sink (probe);
  text = nv_toast_fits (probe, long_text, _ ("_Undo"), width) ? long_text : _ ("Marked as done");
  g_object_unref (probe);
  g_assert_true (width < 1000 || text == long_text);
  check_text (width, text, _ ("_Undo"));
}

static void
test_split (void)
{
  char *heading, *body;

  nv_toast_split ("No backup was made: the disk is full", &heading, &body);
  g_assert_cmpstr (heading, ==, "No backup was made");
  g_assert_cmpstr (body, ==, "The disk is full");
  g_free (heading), g_free (body);
  nv_toast_split ("Ærlig talt. øvrige", &heading, &body);
  g_assert_cmpstr (heading, ==, "Ærlig talt");
  g_assert_cmpstr (body, ==, "Øvrige");
  g_free (heading), g_free (body);
  /* Not inside a file name. */
  nv_toast_split ("Lagret «Rapport 4. kvartal: AMU.pdf»", &heading, &body);
  g_assert_cmpstr (heading, ==, "Lagret «Rapport 4. kvartal: AMU.pdf»");
  g_assert_null (body);
  g_free (heading);
  nv_toast_split ("One sentence without a break", &heading, &body);
  g_assert_cmpstr (heading, ==, "One sentence without a break");
  g_assert_null (body);
  g_free (heading);
  nv_toast_split ("A very long sentence without any break in it, as an error message may be "
                  "when it names a whole path",
                  &heading, &body);
  g_assert_null (heading);
  g_assert_nonnull (body);
  g_free (body);
}

int
main (int argc, char **argv)
{
  nv_test_ui_init_nb (&argc, &argv);

  g_test_add_func ("/toast/split", test_split);
  g_test_add_data_func ("/toast/whole/1280", GINT_TO_POINTER (1280), test_whole);
  g_test_add_data_func ("/toast/whole/360", GINT_TO_POINTER (360), test_whole);
  g_test_add_data_func ("/toast/undo/1280", GINT_TO_POINTER (1280), test_undo);
  g_test_add_data_func ("/toast/undo/360", GINT_TO_POINTER (360), test_undo);
  return g_test_run ();
}
