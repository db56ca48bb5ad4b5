package cn.medrecruit.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.medrecruit.files.StoredFiles;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.profile.ApplicantDocuments;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.DocumentSlot;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.PlanLine;
import cn.medrecruit.program.Placements;
import cn.medrecruit.program.SupplementaryFields;
import cn.medrecruit.reporting.PdfDocuments;
import cn.medrecruit.reporting.PdfImages;
import cn.medrecruit.reporting.QrCodes;

/** 打印报名表: the submitted application with the whole profile, photo and a QR code of its number, as an A4 PDF. */
@Component
class ApplicationForms {

	private final Batches batches;
	private final Placements placements;
	private final ApplicantProfiles profiles;
	private final ApplicantDocuments documents;
	private final StoredFiles files;
	private final PdfDocuments pdf;
	private final SupplementaryFields fields;
	private final Clock clock;

	ApplicationForms(Batches batches, Placements placements, ApplicantProfiles profiles, ApplicantDocuments documents,
			StoredFiles files, PdfDocuments pdf, SupplementaryFields fields, Clock clock) {
		this.batches = batches;
		this.placements = placements;
		this.profiles = profiles;
		this.documents = documents;
		this.files = files;
		this.pdf = pdf;
		this.fields = fields;
		this.clock = clock;
	}

	/** The number printed on forms and slips, and carried by the QR code. */
	static String numberOf(ApplicationView application, BatchView batch) {
		return batch.year() + String.format("%08d", application.id());
	}

	byte[] render(ApplicationView application) {
		AccountId account = new AccountId(application.accountId());
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		String number = numberOf(application, batch);
		Map<Long, String> bases = new LinkedHashMap<>();
		if (application.specialtyId() != null) {
			for (PlanLine line : placements.plansFor(application.batchId(), application.specialtyId())) {
				bases.put(line.baseId(), line.baseName());
			}
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("application", application);
		model.put("batch", batch);
		model.put("number", number);
		model.put("qr", QrCodes.dataUri(number, 180));
		model.put("photo", photoOf(account).orElse(null));
		model.put("view", profiles.view(account));
		model.put("specialty", batch.specialties().stream()
			.filter(specialty -> application.specialtyId() != null && specialty.id() == application.specialtyId())
			.map(BatchView.Specialty::name)
			.findFirst()
			.orElse(""));
		model.put("choices", application.choices().stream().map(id -> bases.getOrDefault(id, "")).toList());
		model.put("supplement", fields.shown(batch, application.fields()));
		model.put("printedAt", LocalDateTime.now(clock));
		model.put("zone", clock.getZone());
		return pdf.render("application-form", model);
	}

	private Optional<String> photoOf(AccountId account) {
		List<ApplicantDocuments.Document> held = documents.of(account);
		return held.stream()
			.filter(document -> document.slot() == DocumentSlot.PHOTO)
			.findFirst()
			.flatMap(photo -> files.contentOwnedBy(photo.file().id(), account.value()))
			.map(PdfImages::dataUri);
	}
}
