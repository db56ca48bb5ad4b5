/**
 * Uploaded files: validation by content, re-encoding of images without their metadata, thumbnails, a per-owner
 * quota, storage behind {@link cn.medrecruit.files.FileStore} (a local directory or an S3-compatible object store) and
 * serving to the owner and to whoever a {@link cn.medrecruit.files.FileAccessRule} admits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
package cn.medrecruit.files;
