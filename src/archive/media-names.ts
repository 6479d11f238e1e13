/** How media files and their temporary files are named in `<out>/media/` (shared by the writer and the sweep). */

/** The media folder, relative to `<out>`. */
export const MEDIA_DIR = 'media';
/** Temporary files of downloads in progress: dot files, so no media name can look like one. */
export const MEDIA_TEMP_PREFIX = '.part-';
/** A stored media file's name: its hash, a readable name, its extension. */
const MEDIA_NAME = /^([0-9a-f]{64})-[a-z0-9-]+\.[a-z0-9]+$/;
/** One piece of a media path: starting with a letter or digit, so never "..", nor a temporary dot file. */
const MEDIA_PATH_PIECE = '[A-Za-z0-9][A-Za-z0-9._-]*';
/** Where a media file may lie, relative to `<out>`: under the media folder, however deep, every piece safe. */
const MEDIA_PATH = new RegExp(`^${MEDIA_DIR}/(?:${MEDIA_PATH_PIECE}/)*${MEDIA_PATH_PIECE}$`);

/** Whether a name in `media/` is the temporary file of an unfinished download. */
export function isMediaTemp(name: string): boolean {
  return name.startsWith(MEDIA_TEMP_PREFIX);
}

/** The hash a stored media file's name starts with, or undefined if it is no media file name. */
export function hashOfMediaName(name: string): string | undefined {
  return MEDIA_NAME.exec(name)?.[1];
}


/**
 * Whether a path (relative to `<out>`, POSIX) may name a media file: inside the media folder, no piece
 * climbing out of it. Every path the archive writes (`media/<sha256>-<name>.<ext>`) is one; so is a
 * deeper one another writer may have used.
 */
export function isMediaPath(path: string): boolean {
  return MEDIA_PATH.test(path);
}
