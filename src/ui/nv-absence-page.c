/* nv-absence-page.c — the Absence section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence-page.h"

struct _NvAbsencePage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvAbsencePage, nv_absence_page, NV_TYPE_PAGE)

static void
nv_absence_page_reload (NvPage *page)
{
}

static void
nv_absence_page_class_init (NvAbsencePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_absence_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-absence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, empty);
}

static void
nv_absence_page_init (NvAbsencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
