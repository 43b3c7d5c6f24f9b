/* nv-overview-page.c — the Overview section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-overview-page.h"

struct _NvOverviewPage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvOverviewPage, nv_overview_page, NV_TYPE_PAGE)

static void
nv_overview_page_reload (NvPage *page)
{
}

static void
nv_overview_page_class_init (NvOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_overview_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, empty);
}

static void
nv_overview_page_init (NvOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
