/* nv-compare-page.c — the Compare section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-compare-page.h"

struct _NvComparePage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvComparePage, nv_compare_page, NV_TYPE_PAGE)

static void
nv_compare_page_reload (NvPage *page)
{
}

static void
nv_compare_page_class_init (NvComparePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_compare_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, empty);
}

static void
nv_compare_page_init (NvComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
