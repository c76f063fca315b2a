package kz.qatysu.results.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.results.application.PublicResults;
import kz.qatysu.results.application.PublicResults.ProjectResult;
import kz.qatysu.results.application.PublicResults.RoundResults;

/** The public results of one round ({@code /results.xhtml?id=N}); 404 for an unknown round or one not published. */
@Named
@RequestScoped
public class ResultsBacking {

    @EJB
    private PublicResults results;
    @Inject
    private Messages messages;

    private String id;
    private RoundResults round;

    /** View action: loads the results of the {@code id} view parameter. */
    public void load() {
        round = ViewParameters.id(id).flatMap(results::results).orElse(null);
        if (round == null) {
            ViewParameters.notFound();
        }
    }

    /** The engine's reason for one project, in plain words in the page's language. */
    public String explanation(ProjectResult project) {
        return messages.text(project.explanation().key(), project.explanation().arguments().toArray());
    }

    /** Share of the budget allocated, in whole percent. */
    public long allocatedPercent() {
        return round.summary().budget() == 0 ? 0 : Math.round(100.0 * round.summary().totalCost() / round.summary().budget());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public RoundResults getRound() {
        return round;
    }
}
