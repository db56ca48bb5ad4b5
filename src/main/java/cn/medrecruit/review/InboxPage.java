package cn.medrecruit.review;

import java.util.List;

/** One page of a reviewer's list, and the query of the next page when there is one. */
public record InboxPage(List<ReviewRequest> rows, InboxQuery next) {
}
