/* nv-test-util.h — temporary folders, file checks and main-loop spins for the test programs
 * (tests/support, GLib only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* A fresh private temporary directory, removed by nv_test_rmtree(). */
char *nv_test_tmpdir (void);
/* Removes @path and everything below it. */
void nv_test_rmtree (const char *path);
/* The permission bits of @path (fails the test if it cannot be read). */
guint nv_test_mode (const char *path);
/* SHA-256 of the file's bytes, hex. */
char *nv_test_checksum (const char *path);
/* Runs the default main context until nothing is pending. */
void nv_test_spin (void);
/* Does that @rounds times, sleeping @usec between rounds: for work that
 * queues more work (idle reloads, layout after a resize). */
void nv_test_spin_rounds (guint rounds, gulong usec);
/* Runs the default main context until @check (@data) holds, looking every
 * 2 ms; fails the test, naming @what, when it does not within @seconds
 * times NV_TEST_TIME_SCALE (the slower sanitized run sets it). */
void nv_test_wait_until (gboolean (*check) (gpointer data), gpointer data, double seconds,
                         const char *what);

/* The standard output of the command @argv (looked up in PATH); fails the
 * test when it cannot run or exits with an error. */
char *nv_test_run_output (const char *const *argv);
/* The output of `@tool @path` (pdftotext: with -layout, a table row on one
 * line); fails the test when the tool fails. */
char *nv_test_run_tool (const char *tool, const char *path);
/* The text of the PDF @path (pdftotext -layout), no-break spaces as spaces. */
char *nv_test_pdf_text (const char *path);
/* @text in single spaces: no-break spaces as spaces, runs of white space
 * (pdftotext breaks lines where the layout does) as one. */
char *nv_test_flatten_text (const char *text);
/* The output of `@tool @path` (nv_test_run_tool) flattened so
 * (nv_test_flatten_text): what pdftotext or pdfinfo says, in single spaces. */
char *nv_test_run_tool_flat (const char *tool, const char *path);
/* The same for spaces and tabs only: the lines stay, a -layout table row
 * reads «A 1 2». */
char *nv_test_squeeze_spaces (const char *text);
/* Fails the test, showing @haystack, when @needle is not in it (is in it). */
void nv_test_assert_contains (const char *haystack, const char *needle);
void nv_test_assert_lacks (const char *haystack, const char *needle);

G_END_DECLS
