package cn.medrecruit.review;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.Access;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.Permission;
import cn.medrecruit.program.Program;
import cn.medrecruit.reporting.Disclosure;
import cn.medrecruit.reporting.ExportColumn;
import cn.medrecruit.reporting.RowSource;
import cn.medrecruit.reporting.TableExport;
import cn.medrecruit.reporting.TableExports;

/**
 * 花名册: a reviewer's 待审, 已审 or area list as .xlsx, with the list's filters and scope, every page of it. ID numbers
 * and phones in full only for a role granted {@link Permission#PERSONAL_DATA_VIEW}.
 */
@Component
class RosterExport {

	static final String LIST = "review-roster";

	private final RosterRows rows;
	private final TableExports exports;
	private final Access access;
	private final TableExport<RosterRows.Line> table = TableExport.of(LIST, "review.roster.title",
			ExportColumn.value("review.col.reference", line -> line.request().referenceNumber()),
			ExportColumn.value("review.col.name", line -> line.request().applicantName()),
			ExportColumn.idNumber("review.roster.col.id-number", RosterRows.Line::idNumber, RosterRows.Line::idNumber),
			ExportColumn.phone("review.roster.col.phone", RosterRows.Line::phone, RosterRows.Line::phone),
			ExportColumn.message("review.filter.program",
					line -> Program.ofCode(line.request().programCode()).map(Program::messageKey).orElse(null)),
			ExportColumn.value("review.col.batch", RosterRows.Line::batchName),
			ExportColumn.value("review.roster.col.unit", RosterRows.Line::unitName),
			ExportColumn.message("review.col.stage", line -> line.request().stageLevel().messageKey()),
			ExportColumn.message("review.col.state", line -> line.request().state().messageKey()),
			ExportColumn.value("review.col.submitted", line -> line.request().submittedAt()),
			ExportColumn.message("review.roster.col.last-action",
					line -> line.action() == null ? null : line.action().messageKey()),
			ExportColumn.value("review.col.opinion", RosterRows.Line::opinion),
			ExportColumn.value("review.col.decided", RosterRows.Line::decidedAt));

	RosterExport(RosterRows rows, TableExports exports, Access access) {
		this.rows = rows;
		this.exports = exports;
		this.access = access;
	}

	/** What a roster lists: one of the reviewer's three lists. */
	interface Source {

		void forEach(RosterRows rows, CurrentUser reviewer, boolean full, Consumer<? super RosterRows.Line> sink);
	}

	/** @return the number of rows sent */
	long download(Source source, String filters, Authentication authentication, HttpServletResponse response)
			throws IOException {
		CurrentUser reviewer = (CurrentUser) authentication.getPrincipal();
		boolean full = access.can(authentication, Permission.PERSONAL_DATA_VIEW);
		RowSource<RosterRows.Line> lines = sink -> source.forEach(rows, reviewer, full, sink);
		return exports.download(table, filters, full ? Disclosure.FULL : Disclosure.MASKED, lines, response);
	}
}
