/* nv-window.c — the main window: unit switcher and the six sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence-page.h"
#include "nv-backup.h"
#include "nv-compare-page.h"
#include "nv-demo.h"
#include "nv-followup-page.h"
#include "nv-measures-page.h"
#include "nv-municipality-page.h"
#include "nv-overview-page.h"
#include "nv-server-banner.h"
#include "nv-unit-dialog.h"
#include "nv-unit-item.h"
#include "nv-unit.h"
#include "nv-window.h"
#include "nv-window-fit.h"
#include "nv-a11y.h"
#include "nv-drop-down.h"
#include "nv-key-names.h"
#include "nv-focus-return.h"
#include "nv-workshops-page.h"
#include "nv-wrap-bin.h"
#include "nv-toast.h"

enum
{
  SECTION_OVERVIEW,
  SECTION_ABSENCE,
  SECTION_FOLLOWUP,
  SECTION_WORKSHOPS,
  SECTION_MEASURES,
  SECTION_COMPARE,
  SECTION_MUNICIPALITY,
  N_SECTIONS
};

static const char *const section_names[N_SECTIONS] = { "overview",  "absence",  "followup",
                                                       "workshops", "measures", "compare",
                                                       "municipality" };

struct _NvWindow
{
  AdwApplicationWindow parent_instance;

  NvContext *context;
  NvStore *store;       /* the context's */
  GSettings *settings;  /* the context's */
  GListStore *units;
  gulong units_changed_id;
  gboolean reloading;
  guint fit_switcher_id;

  GtkDropDown *unit_switcher;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  AdwToastOverlay *toast_overlay;
  GtkWidget *server_banner; /* NULL for a local file */
  AdwHeaderBar *header_bar;
  GtkStack *main_stack;
  AdwViewStack *view_stack;
  GtkBox *welcome_buttons;
  AdwViewStackPage *followup_stack_page;
  AdwViewStackPage *municipality_stack_page;
  /* Sections are made when first needed (see ensure_page): a window with no
   * unit, or showing one section, does not build and lay out the other five. */
  AdwBin *slots[N_SECTIONS];
  NvPage *pages[N_SECTIONS];
  gboolean painted; /* the first frame is on screen */
  guint after_first_frame_source;
  NvPage *followup_made; /* made after the first frame, not yet in its slot */
};

G_DEFINE_FINAL_TYPE (NvWindow, nv_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
section_type (guint section)
{
  switch (section)
    {
    case SECTION_OVERVIEW:
      return NV_TYPE_OVERVIEW_PAGE;
    case SECTION_ABSENCE:
      return NV_TYPE_ABSENCE_PAGE;
    case SECTION_FOLLOWUP:
      return NV_TYPE_FOLLOWUP_PAGE;
    case SECTION_WORKSHOPS:
      return NV_TYPE_WORKSHOPS_PAGE;
    case SECTION_MEASURES:
      return NV_TYPE_MEASURES_PAGE;
    case SECTION_MUNICIPALITY:
      return NV_TYPE_MUNICIPALITY_PAGE;
    default:
      return NV_TYPE_COMPARE_PAGE;
    }
}

static NvPage *
ensure_page (NvWindow *self, guint section)
{
  NvPage *page = self->pages[section];
  gboolean made;

  if (page != NULL)
    return page;
  made = section == SECTION_FOLLOWUP && self->followup_made != NULL;
  page = made ? g_steal_pointer (&self->followup_made) : g_object_new (section_type (section), NULL);
  self->pages[section] = page;
  /* Before the first frame the Overview's figures are computed in a worker
   * thread: the window shows its cards with «…» instead of waiting. */
  if (section == SECTION_OVERVIEW && !self->painted)
    nv_overview_page_load_in_background (NV_OVERVIEW_PAGE (page));
  nv_page_set_context (page, self->context);
  nv_page_set_unit_id (page, nv_window_get_unit_id (self));
  adw_bin_set_child (self->slots[section], GTK_WIDGET (page));
  /* Made while hidden (Follow-up after the first frame): named for screen
   * readers now, not when first shown. */
  if (!gtk_widget_get_realized (GTK_WIDGET (page)))
    nv_a11y_name_subtree (GTK_WIDGET (page));
  if (made)
    g_object_unref (page); /* the slot holds it now */
  if (section == SECTION_FOLLOWUP)
    {
      g_object_bind_property (page, "needs-attention", self->followup_stack_page,
                              "needs-attention", G_BINDING_SYNC_CREATE);
      g_object_bind_property (page, "n-overdue", self->followup_stack_page, "badge-number",
                              G_BINDING_SYNC_CREATE);
    }
  return page;
}

static void
set_pages_unit (NvWindow *self, gint64 unit_id)
{
  /* With a unit, the visible section and Follow-up (its badge) are live;
   * Follow-up only once the first frame is on screen (first_paint_cb): its
   * page and the worker that prepares it are not what the user sees first. */
  if (unit_id != 0)
    {
      const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

      if (self->painted)
        ensure_page (self, SECTION_FOLLOWUP);
      for (guint i = 0; i < N_SECTIONS; i++)
        if (g_strcmp0 (visible, section_names[i]) == 0)
          ensure_page (self, i);
    }
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->pages[i] != NULL)
      nv_page_set_unit_id (self->pages[i], unit_id);
}

static gboolean
after_first_frame_cb (gpointer data)
{
  NvWindow *self = data;

  /* Two steps, each a dispatch of its own, neither longer than a frame:
   * the Follow-up page is made, then given the unit (which starts its
   * worker thread). */
  if (nv_window_get_unit_id (self) != 0 && self->pages[SECTION_FOLLOWUP] == NULL &&
      self->followup_made == NULL)
    {
      self->followup_made = g_object_ref_sink (g_object_new (NV_TYPE_FOLLOWUP_PAGE, NULL));
      return G_SOURCE_CONTINUE;
    }
  self->after_first_frame_source = 0;
  if (nv_window_get_unit_id (self) != 0)
    set_pages_unit (self, nv_window_get_unit_id (self));
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock, NvWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  self->painted = TRUE;
  nv_window_fit_hold_switcher (self->switcher_title, FALSE);
  /* Not in the frame's own dispatch: the window's next frames come first. */
  self->after_first_frame_source = g_idle_add (after_first_frame_cb, self);
}

static void
realize_cb (NvWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_paint_cb), self, G_CONNECT_AFTER);
}

static void
visible_section_changed_cb (NvWindow *self)
{
  if (nv_window_get_unit_id (self) != 0)
    set_pages_unit (self, nv_window_get_unit_id (self));
}

NvPage *
nv_window_get_page (NvWindow *self, const char *name)
{
  /* The caller looks at the page: bring it up to date even when hidden. */
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (name, section_names[i]) == 0)
      {
        NvPage *page = ensure_page (self, i);
        nv_page_ensure_current (page);
        return page;
      }
  return NULL;
}

gint64
nv_window_get_unit_id (NvWindow *self)
{
  NvUnitItem *item = gtk_drop_down_get_selected_item (self->unit_switcher);
  return item != NULL ? nv_unit_item_get_id (item) : 0;
}

/* The bottom bar holds the tabs only where the header has no room for them
 * (a narrow window): a wide one never builds its buttons, which would be
 * measured at every layout though never shown. */
static void
switcher_bar_needed (NvWindow *self)
{
  if (adw_view_switcher_bar_get_stack (self->switcher_bar) != NULL
      || adw_view_switcher_title_get_stack (self->switcher_title) == NULL
      || !adw_view_switcher_title_get_title_visible (self->switcher_title))
    return;
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  nv_a11y_name_tabs (GTK_WIDGET (self->switcher_bar));
}

static void
update_state (NvWindow *self)
{
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  gboolean has_units = n_units > 0;
  gint64 unit_id = nv_window_get_unit_id (self);

  /* The switchers get the stack with the first unit: until then they would
   * build (and hide) a button with icon and label for each section. The
   * bottom bar gets it when it is first revealed (switcher_bar_needed). */
  if (has_units && adw_view_switcher_title_get_stack (self->switcher_title) == NULL)
    {
      adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
      nv_a11y_name_tabs (GTK_WIDGET (self->switcher_title));
      switcher_bar_needed (self);
    }
  gtk_stack_set_visible_child_name (self->main_stack, has_units ? "sections" : "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_switcher), has_units);
  /* The municipality at a glance is for HR and leaders with several units. */
  adw_view_stack_page_set_visible (self->municipality_stack_page, n_units > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), has_units);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unit-rename", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unit-delete", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.report-print", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.report-export", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section", has_units);
}

void
nv_window_select_unit (NvWindow *self, gint64 unit_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (NvUnitItem) item = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      if (nv_unit_item_get_id (item) == unit_id)
        {
          gtk_drop_down_set_selected (self->unit_switcher, i);
          return;
        }
    }
}

static void
reload_units (NvWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 keep = nv_window_get_unit_id (self);

  if (keep == 0)
    keep = g_settings_get_int64 (self->settings, "last-unit");

  units = nv_unit_list (self->store, &error);
  if (units == NULL)
    {
      nv_window_toast (self, error->message);
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < units->len; i++)
    g_ptr_array_add (items, nv_unit_item_new (g_ptr_array_index (units, i)));

  self->reloading = TRUE;
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       items->pdata, items->len);
  self->reloading = FALSE;

  gtk_drop_down_set_selected (self->unit_switcher, items->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  nv_window_select_unit (self, keep);
  set_pages_unit (self, nv_window_get_unit_id (self));
  update_state (self);
}

static void
units_changed_cb (NvStore *store, guint topics, NvWindow *self)
{
  if (topics & NV_TOPIC_UNITS)
    reload_units (self);
}

static void
active_changed_cb (NvWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    nv_store_refresh (self->store);
}

/* The unit drop-down: as wide as the name where there is room (nv-window-fit.h). */
static gboolean
fit_unit_switcher (gpointer data)
{
  NvWindow *self = data;
  NvUnitItem *item = gtk_drop_down_get_selected_item (self->unit_switcher);

  self->fit_switcher_id = 0;
  nv_window_fit_size_unit_switcher (GTK_WINDOW (self), self->unit_switcher, self->switcher_title,
                                    item != NULL ? nv_unit_item_get_name (item) : NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_fit_unit_switcher (NvWindow *self)
{
  if (self->fit_switcher_id == 0)
    self->fit_switcher_id = g_idle_add (fit_unit_switcher, self);
}

/* Before the first frame at once (a unit or the default size set), so that
 * it lays the header out once. */
static void
fit_unit_switcher_soon (NvWindow *self)
{
  if (self->painted)
    queue_fit_unit_switcher (self);
  else
    fit_unit_switcher (self);
}

/* Resized, maximized or fullscreened: the surface is laid out anew. */
static void
window_realized_cb (NvWindow *self)
{
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "layout",
                           G_CALLBACK (queue_fit_unit_switcher), self, G_CONNECT_SWAPPED);
}

static void
selected_unit_changed_cb (NvWindow *self)
{
  gint64 unit_id;

  fit_unit_switcher_soon (self);
  if (self->reloading)
    return;
  unit_id = nv_window_get_unit_id (self);
  if (unit_id != 0)
    g_settings_set_int64 (self->settings, "last-unit", unit_id);
  set_pages_unit (self, unit_id);
  update_state (self);
}

static void
unit_saved_cb (gint64 unit_id, gpointer user_data)
{
  NvWindow *self = NV_WINDOW (user_data);

  reload_units (self);
  nv_window_select_unit (self, unit_id);
}

static void
report_print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  nv_window_report_print (NV_WINDOW (widget));
}

static void
report_export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  nv_window_report_export (NV_WINDOW (widget));
}

static void
unit_new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvWindow *self = NV_WINDOW (widget);
  gtk_window_present (nv_unit_dialog_new (GTK_WINDOW (self), self->store, 0, unit_saved_cb, self));
}

/* First start: a fictional municipality to look around in (nv-demo.h). */
static void
demo_fill_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvWindow *self = NV_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!nv_demo_fill_full (self->store, NV_DEMO_DEFAULT_UNITS, NV_DEMO_DEFAULT_YEARS,
                          nv_context_today (self->context), NV_DEMO_DEFAULT_SEED, ids, &error))
    {
      nv_window_toast (self, error->message);
      return;
    }
  reload_units (self);
  if (ids->len > 0)
    nv_window_select_unit (self, g_array_index (ids, gint64, 0));
  nv_window_show_section (self, "overview");
  nv_window_toast (self, _("Demo data added. Delete the demo units when you start for real."));
}

static void
unit_rename_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvWindow *self = NV_WINDOW (widget);
  gint64 unit_id = nv_window_get_unit_id (self);

  if (unit_id != 0)
    gtk_window_present (
      nv_unit_dialog_new (GTK_WINDOW (self), self->store, unit_id, unit_saved_cb, self));
}

static void present_delete_dialog (NvWindow *self, gint64 unit_id, const char *name,
                                   const char *backup_note);

static void
delete_backup_done_cb (const char *heading, const char *message, gboolean ok, gpointer data)
{
  GObject *token = data;
  NvWindow *self = g_object_get_data (token, "window");
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (token, "unit-id"));
  const char *name = g_object_get_data (token, "name");
  g_autofree char *note = heading ? g_strdup_printf (_("%s. %s"), heading, message) : NULL;

  /* Back to the question, saying what became of the backup (refused: what failed, then why). */
  if (self != NULL)
    present_delete_dialog (self, unit_id, name, note != NULL ? note : message);
  g_object_unref (token);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, NvWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit-id"));

  if (g_strcmp0 (response, "backup") == 0)
    {
      GObject *token = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (token, "window", g_object_ref (self), g_object_unref);
      g_object_set_data (token, "unit-id", GSIZE_TO_POINTER (unit_id));
      g_object_set_data_full (token, "name",
                              g_strdup (g_object_get_data (G_OBJECT (dialog), "name")), g_free);
      nv_backup_save_to_file (GTK_WINDOW (self), self->store, delete_backup_done_cb, token);
      return;
    }
  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!nv_unit_delete (self->store, unit_id, &error))
    nv_window_toast (self, error->message);
  else
    nv_window_toast (self, _("Unit deleted"));
}

static void
present_delete_dialog (NvWindow *self, gint64 unit_id, const char *name, const char *backup_note)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  g_autofree char *body = NULL;
  const char *what = _("Everything recorded for this unit — roster, absence, follow-up, "
                       "workshops and measures — is deleted for good.");
  GtkWidget *dialog;

  if (backup_note != NULL)
    body = g_strdup_printf ("%s\n\n%s", what, backup_note);
  else
    body = g_strdup_printf ("%s %s", what, _("Make a backup first if you may need it."));
  dialog = nv_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"), "backup",
                                    _("Back Up First…"), "delete", _("Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "unit-id", GSIZE_TO_POINTER (unit_id));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unit_delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvWindow *self = NV_WINDOW (widget);
  NvUnitItem *item = gtk_drop_down_get_selected_item (self->unit_switcher);

  if (item != NULL)
    present_delete_dialog (self, nv_unit_item_get_id (item), nv_unit_item_get_name (item), NULL);
}

/* The main menu's popover is built when the menu is first opened. */
static void
create_primary_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  NvWindow *self = NV_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The shortcuts window is built when first shown, not with every window. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/naervaer/Naervaer/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      nv_key_names_translate (GTK_WIDGET (overlay));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_section_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  nv_window_show_section (NV_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
nv_window_show_section (NvWindow *self, const char *name)
{
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
nv_window_toast (NvWindow *self, const char *message)
{
  nv_toast_add (self->toast_overlay, adw_toast_new (message));
}

NvStore *
nv_window_get_store (NvWindow *self)
{
  return self->store;
}

NvContext *
nv_window_get_context (NvWindow *self)
{
  return self->context;
}

const char *
nv_window_get_state (NvWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkWidget *
nv_window_get_server_banner (NvWindow *self)
{
  return self->server_banner;
}

AdwViewStack *
nv_window_get_view_stack (NvWindow *self)
{
  return self->view_stack;
}

static void
nv_window_constructed (GObject *object)
{
  NvWindow *self = NV_WINDOW (object);

  G_OBJECT_CLASS (nv_window_parent_class)->constructed (object);

  self->store = g_object_ref (nv_context_get_store (self->context));
  self->settings = g_object_ref (nv_context_get_settings (self->context));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  nv_window_fit_to_screen (GTK_WINDOW (self), self->settings, NULL);

  self->units_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (units_changed_cb), self);
  /* Another process (the CLI, a colleague's window) may have written
   * meanwhile: look when the user comes back to the window. */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  /* On the municipality's server others' changes arrive as they happen, and
   * a lost connection shows a banner under the header bar. */
  if (nv_store_is_shared (self->store))
    {
      self->server_banner = nv_server_banner_new (self->store);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->header_bar))),
                                  self->server_banner, GTK_WIDGET (self->header_bar));
    }
  reload_units (self);
}

static void
nv_window_dispose (GObject *object)
{
  NvWindow *self = NV_WINDOW (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->units_changed_id, self->store);
    }
  g_clear_handle_id (&self->fit_switcher_id, g_source_remove);
  g_clear_handle_id (&self->after_first_frame_source, g_source_remove);
  g_clear_object (&self->followup_made);
  gtk_widget_dispose_template (GTK_WIDGET (self), NV_TYPE_WINDOW);
  g_clear_object (&self->units);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (nv_window_parent_class)->dispose (object);
}

static void
nv_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NvWindow *self = NV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvWindow *self = NV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_window_class_init (NvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nv_window_constructed;
  object_class->dispose = nv_window_dispose;
  object_class->set_property = nv_window_set_property;
  object_class->get_property = nv_window_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  g_type_ensure (NV_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NvWindow, unit_switcher);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, welcome_buttons);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, followup_stack_page);
  gtk_widget_class_bind_template_child (widget_class, NvWindow, municipality_stack_page);
  gtk_widget_class_bind_template_child_full (widget_class, "overview_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "absence_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_ABSENCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "followup_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_FOLLOWUP]));
  gtk_widget_class_bind_template_child_full (widget_class, "workshops_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_WORKSHOPS]));
  gtk_widget_class_bind_template_child_full (widget_class, "measures_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_MEASURES]));
  gtk_widget_class_bind_template_child_full (widget_class, "compare_slot", FALSE,
                                             G_STRUCT_OFFSET (NvWindow, slots[SECTION_COMPARE]));
  gtk_widget_class_bind_template_child_full (
    widget_class, "municipality_slot", FALSE, G_STRUCT_OFFSET (NvWindow, slots[SECTION_MUNICIPALITY]));

  gtk_widget_class_install_action (widget_class, "win.unit-new", NULL, unit_new_action);
  gtk_widget_class_install_action (widget_class, "win.unit-rename", NULL, unit_rename_action);
  gtk_widget_class_install_action (widget_class, "win.demo-fill", NULL, demo_fill_action);
  gtk_widget_class_install_action (widget_class, "win.unit-delete", NULL, unit_delete_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.report-print", NULL, report_print_action);
  gtk_widget_class_install_action (widget_class, "win.report-export", NULL, report_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.unit-new",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.unit-rename", NULL);
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", section_names[i]);
}

static void
nv_window_init (NvWindow *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  nv_focus_keep_off_toasts (GTK_WINDOW (self), self->toast_overlay);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  /* Each section's area is named after its tab, for screen readers. */
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_accessible_update_property (
      GTK_ACCESSIBLE (self->slots[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
      adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->slots[i]))),
      -1);

  self->units = g_list_store_new (NV_TYPE_UNIT_ITEM);
  expression = gtk_property_expression_new (NV_TYPE_UNIT_ITEM, NULL, "name");
  nv_drop_down_set_text_expression (self->unit_switcher, expression);
  nv_drop_down_set_search (self->unit_switcher, TRUE);
  gtk_drop_down_set_model (self->unit_switcher, G_LIST_MODEL (self->units));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (visible_section_changed_cb), self);
  g_signal_connect_swapped (self->unit_switcher, "notify::selected",
                            G_CALLBACK (selected_unit_changed_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (window_realized_cb), NULL);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (queue_fit_unit_switcher), self);
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (fit_unit_switcher_soon),
                            self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (switcher_bar_needed), self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  nv_window_fit_hold_switcher (self->switcher_title, TRUE);
}

NvWindow *
nv_window_new (AdwApplication *application, NvContext *context)
{
  return g_object_new (NV_TYPE_WINDOW, "application", application, "context", context, NULL);
}
