package kz.qatysu.voting.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.RoundDetail;
import kz.qatysu.voting.application.ReceiptCheck;
import kz.qatysu.voting.application.ReceiptPublication;
import kz.qatysu.voting.application.VotingService;

/**
 * The public receipt check ({@code /receipt.xhtml?round=N&code=…}): a plain GET form, so a check is a link and
 * changes nothing. Before the close it says when receipts are published; a malformed code is refused, never echoed.
 */
@Named
@RequestScoped
public class ReceiptCheckBacking {

    @EJB
    private VotingService voting;
    @EJB
    private RoundCatalog catalog;
    @Inject
    private FacesActions actions;

    private String round;
    private String code;
    private long roundId;
    private RoundDetail detail;
    private ReceiptPublication publication;
    private ReceiptCheck check;

    /** View action: the round's publication and, when a code was sent, its check; 404 for an unknown round. */
    public void load() {
        Optional<Long> id = ViewParameters.id(round);
        detail = id.flatMap(catalog::roundDetail).orElse(null);
        if (detail == null) {
            ViewParameters.notFound();
            return;
        }
        roundId = id.get();
        publication = voting.receiptPublication(roundId).orElse(null);
        if (code != null && !code.isBlank()) {
            check = actions.attempt(null, () -> voting.checkReceipt(roundId, code));
        }
    }

    /** The code as typed, only once it was understood (a refused input is not shown back). */
    public String getShownCode() {
        return check == null ? "" : code.strip();
    }

    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public long getRoundId() {
        return roundId;
    }

    public RoundDetail getDetail() {
        return detail;
    }

    public ReceiptPublication getPublication() {
        return publication;
    }

    public ReceiptCheck getCheck() {
        return check;
    }
}
