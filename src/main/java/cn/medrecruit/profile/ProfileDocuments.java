package cn.medrecruit.profile;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface ProfileDocuments extends CrudRepository<ProfileDocument, Long> {

	List<ProfileDocument> findByAccountIdOrderById(Long accountId);

	List<ProfileDocument> findByAccountIdAndSlot(Long accountId, DocumentSlot slot);
}
