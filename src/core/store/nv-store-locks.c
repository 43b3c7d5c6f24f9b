/* nv-store-locks.c — SQLite's file locks, held per open file, not per process.
 *
 * SQLite coordinates processes with POSIX record locks (fcntl F_SETLK). Those
 * belong to the process and the file: closing ANY descriptor of the file in
 * the process drops them all. GTK's file chooser sniffs the content type of
 * every file in the folder it shows (open, read, close), so saving an export
 * next to the database silently dropped the app's locks on the database and
 * its -shm. Another process then believed it was alone, checkpointed and
 * deleted the WAL, and from then on the two no longer saw each other's writes.
 *
 * We cannot keep every library in the process from opening files, so the
 * locks are moved where a stranger's close() cannot reach them: SQLite's unix
 * VFS lets an application replace the system calls it makes. Its lock
 * requests become open-file-description locks (F_OFD_SETLK, Linux ≥ 3.15) on
 * one descriptor per file that only this module holds. SQLite already does
 * its per-process lock bookkeeping per file (several connections, one set of
 * kernel locks), so one description per file keeps exactly the semantics it
 * expects. OFD locks conflict with classic POSIX locks, so other programs
 * (the sqlite3 shell, older versions) still exclude us and we them.
 *
 * The description is closed when SQLite closes its last descriptor of the
 * file, which is when POSIX would have dropped the locks anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nv-file-guard.h"
#include "nv-store-file-private.h"

typedef struct
{
  dev_t dev;
  ino_t ino;
  int lock_fd; /* -1 until the first lock request */
  guint users; /* SQLite's open descriptors of this file */
} LockedFile;

typedef int (*OpenFunc) (const char *, int, int);
typedef int (*CloseFunc) (int);
typedef int (*FcntlFunc) (int, int, ...);

static GMutex files_lock;
static GHashTable *by_fd;     /* int fd → LockedFile * */
static GPtrArray *files;      /* LockedFile * */
static OpenFunc real_open;
static CloseFunc real_close;
static FcntlFunc real_fcntl;

static LockedFile *
find_file (dev_t dev, ino_t ino)
{
  for (guint i = 0; i < files->len; i++)
    {
      LockedFile *f = g_ptr_array_index (files, i);
      if (f->dev == dev && f->ino == ino)
        return f;
    }
  return NULL;
}

static int
nv_open (const char *path, int flags, int mode)
{
  int fd = real_open (path, flags, mode);
  struct stat st;

  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return fd;

  g_mutex_lock (&files_lock);
  {
    LockedFile *f = find_file (st.st_dev, st.st_ino);
    if (f == NULL)
      {
        f = g_new0 (LockedFile, 1);
        f->dev = st.st_dev;
        f->ino = st.st_ino;
        f->lock_fd = -1;
        g_ptr_array_add (files, f);
      }
    f->users++;
    g_hash_table_insert (by_fd, GINT_TO_POINTER (fd), f);
  }
  g_mutex_unlock (&files_lock);
  return fd;
}

static int
nv_close (int fd)
{
  LockedFile *f;
  int lock_fd = -1;

  g_mutex_lock (&files_lock);
  f = g_hash_table_lookup (by_fd, GINT_TO_POINTER (fd));
  if (f != NULL)
    {
      g_hash_table_remove (by_fd, GINT_TO_POINTER (fd));
      if (--f->users == 0)
        {
          lock_fd = f->lock_fd;
          g_ptr_array_remove_fast (files, f);
          g_free (f);
        }
    }
  g_mutex_unlock (&files_lock);

  /* SQLite closed its last descriptor of the file: its locks go, as POSIX
   * would have dropped them. */
  if (lock_fd >= 0)
    {
      int saved = errno;
      real_close (lock_fd);
      errno = saved;
    }
  return real_close (fd);
}

/* The descriptor that holds the locks of @fd's file; -1 when @fd is not one
 * SQLite opened through us (then its locks stay classic POSIX locks). */
static int
lock_fd_for (int fd)
{
  LockedFile *f;
  int lock_fd = -1;

  g_mutex_lock (&files_lock);
  f = g_hash_table_lookup (by_fd, GINT_TO_POINTER (fd));
  if (f != NULL)
    {
      if (f->lock_fd < 0)
        {
          /* A description of our own: read-write where the file allows it,
           * since write locks need a descriptor open for writing. */
          g_autofree char *self_path = g_strdup_printf ("/proc/self/fd/%d", fd);
          f->lock_fd = real_open (self_path, O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
          if (f->lock_fd < 0)
            f->lock_fd = real_open (self_path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
          if (f->lock_fd < 0)
            f->lock_fd = real_fcntl (fd, F_DUPFD_CLOEXEC, 0);
        }
      lock_fd = f->lock_fd;
    }
  g_mutex_unlock (&files_lock);
  return lock_fd;
}

static int
nv_fcntl (int fd, int cmd, ...)
{
  va_list ap;
  void *arg;
  int lock_fd;

  va_start (ap, cmd);
  arg = va_arg (ap, void *);
  va_end (ap);

  if ((cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK) && (lock_fd = lock_fd_for (fd)) >= 0)
    {
      struct flock *request = arg;
      struct flock ofd = *request;
      int ofd_cmd = cmd == F_SETLK ? F_OFD_SETLK : cmd == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
      int rc;

      ofd.l_pid = 0; /* required for OFD locks */
      rc = real_fcntl (lock_fd, ofd_cmd, &ofd);
      if (rc == 0 && cmd == F_GETLK)
        *request = ofd;
      if (rc == 0 || errno != EINVAL)
        return rc;
      /* A kernel without OFD locks: classic locks, as SQLite would. */
    }
  return real_fcntl (fd, cmd, arg);
}

/* For the file guard: whether SQLite has @dev/@ino open in this process. */
static gboolean
held_by_sqlite (dev_t dev, ino_t ino)
{
  gboolean held;

  g_mutex_lock (&files_lock);
  held = find_file (dev, ino) != NULL;
  g_mutex_unlock (&files_lock);
  return held;
}

void
nv_store_locks_install (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL)
        {
          by_fd = g_hash_table_new (g_direct_hash, g_direct_equal);
          files = g_ptr_array_new ();
          real_open = (OpenFunc) vfs->xGetSystemCall (vfs, "open");
          real_close = (CloseFunc) vfs->xGetSystemCall (vfs, "close");
          real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
          if (real_open != NULL && real_close != NULL && real_fcntl != NULL)
            {
              vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) nv_open);
              vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) nv_close);
              vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) nv_fcntl);
              nv_file_guard_set_held_func (held_by_sqlite);
            }
        }
      g_once_init_leave (&done, 1);
    }
}

/* ---- private temporary files --------------------------------------------
 *
 * Backups, restores and new databases are first written to a private file
 * `.naervaer-WHAT-XXXXXX` beside their target. While it is being written its
 * creator holds a lock on one byte far past any data SQLite locks; a file of
 * ours that nobody holds that lock on was left by a process that died, and
 * is removed (it is a copy of health data) once it is a minute old. */

#define TEMP_LOCK_OFFSET ((off_t) 1 << 40)

static const char *const temp_prefixes[] = { ".naervaer-backup-", ".naervaer-new-",
                                              ".naervaer-restore-" };

static gboolean
temp_lock (int fd, short type, int cmd)
{
  struct flock fl = { 0 };

  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = TEMP_LOCK_OFFSET;
  fl.l_len = 1;
  if (fcntl (fd, cmd, &fl) != 0)
    return FALSE;
  return cmd != F_OFD_GETLK || fl.l_type == F_UNLCK;
}

int
nv_store_temp_file_new (const char *dir, const char *what, char **path, GError **error)
{
  g_autofree char *name = g_strdup_printf (".naervaer-%s-XXXXXX", what);
  g_autofree char *tmpl = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot write in “%s”: %s"), dir,
                   g_strerror (saved));
      return -1;
    }
  temp_lock (fd, F_WRLCK, F_OFD_SETLK);
  *path = g_steal_pointer (&tmpl);
  return fd;
}

void
nv_store_remove_stale_temp_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (temp_prefixes); i++)
        {
          gsize plen = strlen (temp_prefixes[i]);
          g_autofree char *base = NULL;
          g_autofree char *path = NULL;
          gboolean stale = TRUE;
          GStatBuf st;
          int fd;

          if (strncmp (name, temp_prefixes[i], plen) != 0 || strlen (name) < plen + 6)
            continue;
          path = g_build_filename (dir, name, NULL);
          /* Young files may be between their creation and their lock. */
          if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid () ||
              st.st_mtime > time (NULL) - 60)
            break;
          /* The temporary file itself, for its -journal, -wal or -shm too. */
          base = g_strndup (path, strlen (path) - strlen (name) + plen + 6);
          fd = g_open (base, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
          if (fd >= 0)
            {
              stale = temp_lock (fd, F_RDLCK, F_OFD_GETLK);
              close (fd);
            }
          if (stale)
            g_unlink (path);
          break;
        }
    }
}
