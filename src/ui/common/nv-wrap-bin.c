/* nv-wrap-bin.c — a bin for wrapping text, measured height-for-width only.
 *
 * A scrolled window's viewport and an AdwClamp ask their child for the width
 * it needs at a given height. A wrapping GtkLabel answers that by laying its
 * text out at width after width until it finds the narrowest that fits, and
 * it does so for every such question: on the welcome page that was some
 * eighty layouts of the same two paragraphs before the first frame. Both
 * containers ask with a height at which the text fits its narrowest width,
 * so the bin answers with the child's width for any height, which GTK has
 * measured (and cached) once, and passes height-for-width questions on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-wrap-bin"

#include "config.h"

#include "nv-wrap-bin.h"

struct _NvWrapBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

static void nv_wrap_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvWrapBin, nv_wrap_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      nv_wrap_bin_buildable_init))

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static GtkSizeRequestMode
nv_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nv_wrap_bin_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                     int *natural, int *minimum_baseline, int *natural_baseline)
{
  NvWrapBin *self = NV_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
nv_wrap_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  NvWrapBin *self = NV_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
nv_wrap_bin_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                       const char *type)
{
  if (GTK_IS_WIDGET (child))
    nv_wrap_bin_set_child (NV_WRAP_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
nv_wrap_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = nv_wrap_bin_add_child;
}

static void
nv_wrap_bin_dispose (GObject *object)
{
  NvWrapBin *self = NV_WRAP_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (nv_wrap_bin_parent_class)->dispose (object);
}

static void
nv_wrap_bin_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvWrapBin *self = NV_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_wrap_bin_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  NvWrapBin *self = NV_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      nv_wrap_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_wrap_bin_class_init (NvWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_wrap_bin_dispose;
  object_class->get_property = nv_wrap_bin_get_property;
  object_class->set_property = nv_wrap_bin_set_property;
  widget_class->get_request_mode = nv_wrap_bin_get_request_mode;
  widget_class->measure = nv_wrap_bin_measure;
  widget_class->size_allocate = nv_wrap_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "wrapbin");
}

static void
nv_wrap_bin_init (NvWrapBin *self)
{
}

GtkWidget *
nv_wrap_bin_new (void)
{
  return g_object_new (NV_TYPE_WRAP_BIN, NULL);
}

GtkWidget *
nv_wrap_bin_new_for (GtkWidget *child)
{
  GtkWidget *bin = nv_wrap_bin_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (child), bin);
  nv_wrap_bin_set_child (NV_WRAP_BIN (bin), child);
  gtk_widget_set_hexpand (bin, gtk_widget_get_hexpand (child));
  return bin;
}

GtkWidget *
nv_wrap_bin_get_child (NvWrapBin *self)
{
  g_return_val_if_fail (NV_IS_WRAP_BIN (self), NULL);
  return self->child;
}

void
nv_wrap_bin_set_child (NvWrapBin *self, GtkWidget *child)
{
  g_return_if_fail (NV_IS_WRAP_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
