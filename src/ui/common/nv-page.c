/* nv-page.c — base class of the window's sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-page.h"
#include "nv-toast.h"

typedef struct
{
  NvContext *context;
  NvStore *store; /* the context's */
  gulong changed_id;
  gint64 unit_id;
  guint reload_idle;
  gboolean stale; /* a reload was put off while the page was hidden */
} NvPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NvPage, nv_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_UNIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
reload_idle_cb (gpointer user_data)
{
  NvPage *self = NV_PAGE (user_data);
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  priv->reload_idle = 0;
  nv_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Several commits in a row give one reload. */
static void
store_changed_cb (NvStore *store, guint topics, NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  if ((topics & NV_PAGE_GET_CLASS (self)->topics) != 0 && priv->reload_idle == 0)
    priv->reload_idle = g_idle_add (reload_idle_cb, self);
}

/* A page in a window but not shown (another section is) reloads when it is
 * shown: switching units reloads only the visible section, not every
 * section built so far (with a 100 000-spell unit the hidden Absence list
 * alone took 80 ms). Pages outside a shown window reload at once. */
void
nv_page_reload (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  NvPageClass *klass;
  GtkWidget *root;

  g_return_if_fail (NV_IS_PAGE (self));
  klass = NV_PAGE_GET_CLASS (self);
  if (klass->reload == NULL)
    return;
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!klass->reload_when_hidden && root != NULL && gtk_widget_get_mapped (root) &&
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  klass->reload (self);
}

void
nv_page_ensure_current (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  g_return_if_fail (NV_IS_PAGE (self));
  if (priv->stale && NV_PAGE_GET_CLASS (self)->reload != NULL)
    {
      priv->stale = FALSE;
      NV_PAGE_GET_CLASS (self)->reload (self);
    }
}

/* Before the children are mapped: lists refilled then do not rebuild the
 * rows they show twice. */
static void
nv_page_map (GtkWidget *widget)
{
  nv_page_ensure_current (NV_PAGE (widget));
  GTK_WIDGET_CLASS (nv_page_parent_class)->map (widget);
}

NvStore *
nv_page_get_store (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  g_return_val_if_fail (NV_IS_PAGE (self), NULL);
  return priv->store;
}

NvContext *
nv_page_get_context (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  g_return_val_if_fail (NV_IS_PAGE (self), NULL);
  return priv->context;
}

GSettings *
nv_page_get_settings (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  g_return_val_if_fail (NV_IS_PAGE (self), NULL);
  return priv->context != NULL ? nv_context_get_settings (priv->context) : NULL;
}

NvDay
nv_page_today (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  g_return_val_if_fail (NV_IS_PAGE (self), NV_DAY_NONE);
  return priv->context != NULL ? nv_context_today (priv->context) : NV_DAY_NONE;
}

void
nv_page_set_context (NvPage *self, NvContext *context)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  g_return_if_fail (NV_IS_PAGE (self));
  g_return_if_fail (context == NULL || NV_IS_CONTEXT (context));
  if (priv->context == context)
    return;
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
  g_set_object (&priv->context, context);
  if (context != NULL)
    {
      priv->store = g_object_ref (nv_context_get_store (context));
      priv->changed_id =
        g_signal_connect (priv->store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  nv_page_reload (self);
}

gint64
nv_page_get_unit_id (NvPage *self)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);
  g_return_val_if_fail (NV_IS_PAGE (self), 0);
  return priv->unit_id;
}

void
nv_page_set_unit_id (NvPage *self, gint64 unit_id)
{
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  g_return_if_fail (NV_IS_PAGE (self));
  if (priv->unit_id == unit_id)
    return;
  priv->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
  nv_page_reload (self);
}

void
nv_page_toast (NvPage *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  /* A dialog when too long for a toast at this width. */
  if (overlay != NULL)
    nv_toast_add (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

void
nv_page_toast_saved (NvPage *self, const char *path, const GError *error)
{
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      nv_page_toast (self, error->message);
      return;
    }
  base = g_path_get_basename (path);
  message = g_strdup_printf (_("Saved “%s”"), base);
  nv_page_toast (self, message);
}

static void
nv_page_dispose (GObject *object)
{
  NvPage *self = NV_PAGE (object);
  NvPagePrivate *priv = nv_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_idle, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (nv_page_parent_class)->dispose (object);
}

static void
nv_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvPage *self = NV_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, nv_page_get_context (self));
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, nv_page_get_unit_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NvPage *self = NV_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      nv_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_UNIT_ID:
      nv_page_set_unit_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_page_class_init (NvPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nv_page_dispose;
  object_class->get_property = nv_page_get_property;
  object_class->set_property = nv_page_set_property;
  klass->topics = NV_TOPIC_ALL;
  GTK_WIDGET_CLASS (klass)->map = nv_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, NV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nv_page_init (NvPage *self)
{
}

void
nv_unfocus_flow_box_children (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_FLOW_BOX_CHILD (c))
        gtk_widget_set_focusable (c, FALSE);
      nv_unfocus_flow_box_children (c);
    }
}
