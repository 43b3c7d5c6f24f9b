/* nv-workshops-page.c — the Workshops section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshops-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-workshops-page.h"

struct _NvWorkshopsPage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvWorkshopsPage, nv_workshops_page, NV_TYPE_PAGE)

static void
nv_workshops_page_reload (NvPage *page)
{
}

static void
nv_workshops_page_class_init (NvWorkshopsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_workshops_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopsPage, empty);
}

static void
nv_workshops_page_init (NvWorkshopsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
