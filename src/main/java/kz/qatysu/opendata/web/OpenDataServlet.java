package kz.qatysu.opendata.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kz.qatysu.opendata.application.OpenDataFolder;

/** {@code /opendata/…}: the files of the nightly open-data export, public and read-only; {@code /opendata/} is the index. */
@WebServlet(urlPatterns = "/opendata/*")
public class OpenDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private OpenDataFolder folder;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Path> file = folder.file(request.getPathInfo());
        boolean index = request.getPathInfo() == null || request.getPathInfo().equals("/");
        if (file.isEmpty() && index) {
            // Before the first nightly export: an empty index, not an error.
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.getWriter().write("{\"rounds\":[]}");
            return;
        }
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = file.get().getFileName().toString();
        response.setContentType(name.endsWith(".json") ? "application/json"
                : name.endsWith(".csv") ? "text/csv" : name.endsWith(".xml") ? "application/xml" : "text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (!name.equals("index.json")) {
            response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        }
        response.setContentLengthLong(Files.size(file.get()));
        Files.copy(file.get(), response.getOutputStream());
    }
}
