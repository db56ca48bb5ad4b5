package cn.medrecruit.files;

import cn.medrecruit.identity.CurrentUser;

/**
 * Lets someone other than the owner see a stored file. Modules that know who may see whose files (for example, staff
 * whose data scope covers an applicant) provide a bean; a file is served when the viewer owns it or any rule grants
 * it, and answered with 404 otherwise.
 */
public interface FileAccessRule {

	boolean maySee(CurrentUser viewer, long ownerAccountId);
}
