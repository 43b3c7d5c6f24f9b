/* nv-workshops-page.c — the Workshops section.
 *
 * A list of the unit's workshops (newest first, with their state) and, when
 * one is opened, the guided view that walks prepare → run → follow up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshops-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-calendar.h"
#include "nv-workshop-dialog.h"
#include "nv-workshop-view.h"
#include "nv-workshop.h"
#include "nv-workshops-page.h"

struct _NvWorkshopsPage
{
  NvPage parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty;
  GtkListBox *list_box;
  NvWorkshopView *view;
  gint64 open_id;
  gint64 shown_unit;
};

G_DEFINE_FINAL_TYPE (NvWorkshopsPage, nv_workshops_page, NV_TYPE_PAGE)

static char *
row_subtitle (const NvWorkshop *w)
{
  g_autofree char *date = nv_day_format_local (nv_day_parse_iso (w->date));

  /* Translators: under a workshop in the list: date · state · steps done */
  return g_strdup_printf (_("%s · %s · %d of %d steps done"), date,
                          nv_workshop_state_label (w->state), w->n_ticked, w->n_steps);
}

static void
open_clicked_cb (GtkButton *button, NvWorkshopsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nv-id"));
  nv_workshops_page_open (self, id);
}

static void
fill_list (NvWorkshopsPage *self, GPtrArray *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < list->len; i++)
    {
      NvWorkshop *w = g_ptr_array_index (list, i);
      g_autofree char *subtitle = row_subtitle (w);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
      g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), nv_workshop_display_title (w));
      const char *state_icon = w->state == NV_WORKSHOP_FOLLOWED_UP ? "object-select-symbolic"
                               : w->state == NV_WORKSHOP_HELD      ? "system-users-symbolic"
                                                                   : "x-office-calendar-symbolic";

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nv_workshop_display_title (w));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), state_icon);
      /* A real button, so the row opens by click, Enter or a screen reader. */
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, open_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      open_label, -1);
      g_object_set_data (G_OBJECT (open), "nv-id", GSIZE_TO_POINTER ((gsize) w->id));
      g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
nv_workshops_page_reload (NvPage *page)
{
  NvWorkshopsPage *self = NV_WORKSHOPS_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gboolean open_exists = FALSE;

  if (store == NULL || unit_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Another unit: close the open workshop. */
  if (unit_id != self->shown_unit)
    {
      self->shown_unit = unit_id;
      self->open_id = 0;
    }

  list = nv_workshop_list (store, unit_id, &error);
  if (list == NULL)
    {
      nv_page_toast (page, error->message);
      return;
    }
  fill_list (self, list);
  for (guint i = 0; i < list->len; i++)
    open_exists |= ((NvWorkshop *) g_ptr_array_index (list, i))->id == self->open_id;
  if (!open_exists)
    self->open_id = 0;

  if (self->open_id != 0)
    {
      nv_workshop_view_show (self->view, nv_page_get_context (NV_PAGE (self)), self->open_id);
      gtk_stack_set_visible_child_name (self->stack, "workshop");
    }
  else
    {
      nv_workshop_view_show (self->view, NULL, 0);
      gtk_stack_set_visible_child_name (self->stack, list->len > 0 ? "list" : "empty");
    }
}

void
nv_workshops_page_open (NvWorkshopsPage *self, gint64 workshop_id)
{
  g_return_if_fail (NV_IS_WORKSHOPS_PAGE (self));
  self->open_id = workshop_id;
  nv_page_reload (NV_PAGE (self));
}

const char *
nv_workshops_page_get_state (NvWorkshopsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
created_cb (gint64 workshop_id, gpointer user_data)
{
  nv_workshops_page_open (NV_WORKSHOPS_PAGE (user_data), workshop_id);
}

static void
new_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvWorkshopsPage *self = NV_WORKSHOPS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *dialog;

  if (nv_page_get_store (NV_PAGE (self)) == NULL || nv_page_get_unit_id (NV_PAGE (self)) == 0)
    return;
  dialog = nv_workshop_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   nv_page_get_context (NV_PAGE (self)),
                                   nv_page_get_unit_id (NV_PAGE (self)), created_cb, self);
  gtk_window_present (dialog);
}

static void
back_cb (NvWorkshopView *view, NvWorkshopsPage *self)
{
  nv_workshops_page_open (self, 0);
}

static void
nv_workshops_page_class_init (NvWorkshopsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_workshops_page_reload;
  page_class->topics = NV_TOPIC_WORKSHOPS | NV_TOPIC_IDEAS | NV_TOPIC_MEASURES | NV_TOPIC_UNITS;

  g_type_ensure (NV_TYPE_WORKSHOP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopsPage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopsPage, view);
  gtk_widget_class_install_action (widget_class, "workshops.new", NULL, new_action);
}

static void
nv_workshops_page_init (NvWorkshopsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->view, "back", G_CALLBACK (back_cb), self);
}
