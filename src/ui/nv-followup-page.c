/* nv-followup-page.c — the Follow-up section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-followup-page.h"

struct _NvFollowupPage
{
  NvPage parent_instance;

  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (NvFollowupPage, nv_followup_page, NV_TYPE_PAGE)

static void
nv_followup_page_reload (NvPage *page)
{
}

static void
nv_followup_page_class_init (NvFollowupPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_followup_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-followup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, empty);
}

static void
nv_followup_page_init (NvFollowupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
