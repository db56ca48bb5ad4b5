package cn.medrecruit.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.medrecruit.reporting.Disclosure;
import cn.medrecruit.reporting.ExportColumn;
import cn.medrecruit.reporting.TableExport;
import cn.medrecruit.reporting.TableExports;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * 导出 of the staff account list: the same query object as the page, so the file holds exactly the rows the filters
 * show on screen (all pages of them), with phones in full only for a role granted {@link Permission#PERSONAL_DATA_VIEW}.
 */
@Component
class StaffAccountExport {

	static final String LIST = "staff-accounts";

	private final StaffAccountSearch search;
	private final TableExports exports;
	private final Access access;
	private final TableExport<StaffAccountSearch.ExportLine> table;

	StaffAccountExport(StaffAccountSearch search, TableExports exports, Access access, PersonalDataCipher cipher) {
		this.search = search;
		this.exports = exports;
		this.access = access;
		this.table = TableExport.of(LIST, "admin.accounts.title",
				ExportColumn.value("admin.accounts.col.login-name", line -> line.row().loginName()),
				ExportColumn.value("admin.accounts.col.name", line -> line.row().name()),
				ExportColumn.value("admin.accounts.col.institution", line -> line.row().institutionName()),
				ExportColumn.message("admin.accounts.col.roles",
						line -> line.row().roles().stream().map(Role::messageKey).toList()),
				ExportColumn.phone("admin.accounts.col.phone", line -> cipher.decrypt(line.phoneEnc()),
						line -> line.row().phoneMasked()),
				ExportColumn.message("admin.accounts.col.status", StaffAccountExport::statusKey),
				ExportColumn.value("admin.accounts.col.last-login", line -> line.row().lastLoginAt()));
	}

	/** @return the number of rows sent */
	long download(StaffAccountQuery query, String filters, Authentication authentication, HttpServletResponse response)
			throws IOException {
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		Disclosure disclosure = access.can(authentication, Permission.PERSONAL_DATA_VIEW) ? Disclosure.FULL
				: Disclosure.MASKED;
		return exports.download(table, filters, disclosure, sink -> search.forEach(query, user, sink), response);
	}

	private static String statusKey(StaffAccountSearch.ExportLine line) {
		if (line.row().locked()) {
			return StaffAccountQuery.Status.LOCKED.messageKey();
		}
		return line.row().enabled() ? StaffAccountQuery.Status.ENABLED.messageKey()
				: StaffAccountQuery.Status.DISABLED.messageKey();
	}
}
