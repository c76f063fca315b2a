package kz.qatysu.round.web;

import java.io.Serializable;
import kz.qatysu.round.application.RoundForm;

/** One row of the categories editor. */
public class CategoryRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String code;
    private String nameKk;
    private String nameRu;
    private String nameEn;
    private Long budget;

    public CategoryRow() {
    }

    static CategoryRow of(RoundForm.Category c) {
        CategoryRow row = new CategoryRow();
        row.code = c.code();
        row.nameKk = c.nameKk();
        row.nameRu = c.nameRu();
        row.nameEn = c.nameEn();
        row.budget = c.budget();
        return row;
    }

    /** A row nothing was entered in; it is left out when saving. */
    boolean isBlank() {
        return blank(code) && blank(nameKk) && blank(nameRu) && blank(nameEn) && budget == null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    RoundForm.Category toCategory() {
        return new RoundForm.Category(code, nameKk, nameRu, nameEn, budget);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameKk() {
        return nameKk;
    }

    public void setNameKk(String nameKk) {
        this.nameKk = nameKk;
    }

    public String getNameRu() {
        return nameRu;
    }

    public void setNameRu(String nameRu) {
        this.nameRu = nameRu;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Long getBudget() {
        return budget;
    }

    public void setBudget(Long budget) {
        this.budget = budget;
    }
}
