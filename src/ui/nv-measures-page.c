/* nv-measures-page.c — the Measures section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-measures-page.h"

struct _NvMeasuresPage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvMeasuresPage, nv_measures_page, NV_TYPE_PAGE)

static void
nv_measures_page_reload (NvPage *page)
{
}

static void
nv_measures_page_class_init (NvMeasuresPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_measures_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, empty);
}

static void
nv_measures_page_init (NvMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
