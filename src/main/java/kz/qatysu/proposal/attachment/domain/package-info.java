/**
 * Attachments of proposals (images and PDF): the content inspector that decides a file's type from its bytes, the
 * display-name rules, the limits and the entity. Plain Java and JPA only.
 */
package kz.qatysu.proposal.attachment.domain;
