package cn.medrecruit.files;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import cn.medrecruit.files.FileRows.FileRow;
import cn.medrecruit.identity.CurrentUser;

/**
 * Serves stored files to their owner and to viewers a {@link FileAccessRule} admits; everyone else gets 404, as if the
 * file did not exist. Responses are never HTML or SVG, and carry headers that keep a browser from sniffing, running
 * or framing them.
 */
@Controller
class FileController {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

	private static final Logger log = LoggerFactory.getLogger(FileController.class);

	private final StoredFiles files;
	private final FileStore store;
	private final ObjectProvider<FileAccessRule> rules;
	private final String cacheControl;

	FileController(StoredFiles files, FileStore store, ObjectProvider<FileAccessRule> rules, FilesProperties properties) {
		this.files = files;
		this.store = store;
		this.rules = rules;
		this.cacheControl = "private, max-age=" + properties.cacheMaxAge().toSeconds();
	}

	@GetMapping("/files/{id}")
	ResponseEntity<Resource> file(@PathVariable long id, @AuthenticationPrincipal CurrentUser viewer, WebRequest request) {
		FileRow row = visible(id, viewer);
		StoredFile file = row.file();
		boolean inline = file.isImage();
		return serve(row.storageKey(), file.contentType(), file.size(), file.sha256(), file.originalName(), inline, request);
	}

	@GetMapping("/files/{id}/thumbnail")
	ResponseEntity<Resource> thumbnail(@PathVariable long id, @AuthenticationPrincipal CurrentUser viewer,
			WebRequest request) {
		FileRow row = visible(id, viewer);
		if (row.thumbnailKey() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		StoredFile file = row.file();
		String name = file.originalName();
		String thumbnailName = name.substring(0, name.lastIndexOf('.')) + "-thumbnail.jpg";
		return serve(row.thumbnailKey(), "image/jpeg", -1, file.sha256() + "-t", thumbnailName, true, request);
	}

	private FileRow visible(long id, CurrentUser viewer) {
		Optional<FileRow> row = files.row(id);
		if (viewer == null || row.isEmpty() || !maySee(viewer, row.get().file().ownerAccountId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return row.get();
	}

	private boolean maySee(CurrentUser viewer, long owner) {
		return viewer.getAccountId() == owner || rules.orderedStream().anyMatch(rule -> rule.maySee(viewer, owner));
	}

	private ResponseEntity<Resource> serve(String key, String contentType, long length, String tag, String name,
			boolean inline, WebRequest request) {
		String etag = "\"" + tag + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		InputStream content;
		try {
			content = store.open(key);
		}
		catch (UncheckedIOException e) {
			log.warn("Stored object {} cannot be read", key, e);
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(servable(contentType)))
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.eTag(etag)
			.header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
					+ encode(name))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		if (length >= 0) {
			response.contentLength(length);
		}
		return response.body(new InputStreamResource(content));
	}

	/** Only the types this module stores; anything else in the table is a fault, never served as it claims to be. */
	private static String servable(String contentType) {
		return switch (contentType) {
			case "image/jpeg", "image/png", "application/pdf" -> contentType;
			default -> throw new IllegalStateException("Refusing to serve content type " + contentType);
		};
	}

	/** RFC 5987 {@code ext-value}: UTF-8, percent-encoded except {@code attr-char}. */
	static String encode(String name) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}
}
