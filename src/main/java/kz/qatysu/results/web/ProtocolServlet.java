package kz.qatysu.results.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.results.application.PublicResults;

/**
 * {@code /results/protocol?round=N}: the signed results protocol of a published round, byte for byte as signed, to
 * be checked with the platform's certificate; 404 for an unknown round or one whose results are not published.
 */
@WebServlet(urlPatterns = "/results/protocol")
public class ProtocolServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private PublicResults results;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> round = ViewParameters.id(request.getParameter("round"));
        Optional<String> xml = round.flatMap(results::signedProtocol);
        if (xml.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = xml.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"qatysu-round-" + round.get() + "-protocol.xml\"");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
