package kz.qatysu.territory.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;

class KatoFileParserTest {

    private final KatoFileParser parser = new KatoFileParser();

    @Test
    void readsTheBundledSampleOfAllRegionsAndCityDistricts() throws Exception {
        try (var in = new InputStreamReader(
                KatoFileParserTest.class.getResourceAsStream("/kato/kato-2025-sample.csv"), StandardCharsets.UTF_8)) {
            KatoFileParser.Result result = parser.parse(in);

            assertThat(result.layout()).isEqualTo(KatoFileParser.Layout.QATYSU);
            assertThat(result.rows()).hasSize(36);
            KatoFileParser.Row bostandyk = result.rows().stream()
                    .filter(r -> r.code().value().equals("751410000")).findFirst().orElseThrow();
            assertThat(bostandyk.parent()).isEqualTo(KatoCode.of("750000000"));
            assertThat(bostandyk.nameKk()).isEqualTo("Бостандық ауданы");
            assertThat(bostandyk.nameRu()).isEqualTo("Бостандыкский район");
            assertThat(bostandyk.nameEn()).isEqualTo("Bostandyk District");
        }
    }

    @Test
    void readsTheOfficialClassifierLayoutAndDerivesParentsFromTheCodeStructure() {
        String official = "\uFEFFte;ab;cd;ef;hij;k;name_kaz;name_rus;nn\r\n"
                + "750000000;75;00;00;000;1;Алматы;Алматы;\r\n"
                + "751410000;75;14;10;000;2;Бостандық ауданы;Бостандыкский район;\r\n"
                + "751410100;75;14;10;100;3;\"Test; ауылы\";\"Тестовый \"\"посёлок\"\"\";\r\n";

        KatoFileParser.Result result = parser.parse(new StringReader(official));

        assertThat(result.layout()).isEqualTo(KatoFileParser.Layout.OFFICIAL);
        assertThat(result.rows()).extracting(r -> r.code().value(), r -> r.parent() == null ? null : r.parent().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("750000000", null),
                        org.assertj.core.groups.Tuple.tuple("751410000", "750000000"),
                        org.assertj.core.groups.Tuple.tuple("751410100", "751410000"));
        assertThat(result.rows().get(2).nameKk()).isEqualTo("Test; ауылы");
        assertThat(result.rows().get(2).nameRu()).isEqualTo("Тестовый \"посёлок\"");
        assertThat(result.rows().get(2).nameEn()).isNull();
    }

    @Test
    void reportsEveryBadRowWithItsLineNumberAndReturnsNothing() {
        String file = "code,parent,level,name_en,name_kk,name_ru\n"
                + "750000000,,city-republican,Almaty,Алматы,Алматы\n"          // line 2 ok
                + "75141000,750000000,city-district,X,Х,Х\n"                  // line 3 short code
                + "751410000,750000000,city-district,Bostandyk,,Бостандыкский район\n" // line 4 no kk name
                + "751110000,790000000,city-district,Almaly,Алмалы,Алмалинский\n"     // line 5 unknown parent
                + "750000000,,city-republican,Almaty,Алматы,Алматы\n"          // line 6 duplicate
                + "711210000,750000000,city-district,Esil,Есіл,Есильский\n";   // line 7 parent does not contain it

        assertThatThrownBy(() -> parser.parse(new StringReader(file)))
                .isInstanceOf(KatoImportException.class)
                .satisfies(e -> {
                    List<KatoImportException.Problem> problems = ((KatoImportException) e).problems();
                    assertThat(problems).extracting(KatoImportException.Problem::line, KatoImportException.Problem::messageKey)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(3, "kato.import.code"),
                                    org.assertj.core.groups.Tuple.tuple(4, "kato.import.names"),
                                    org.assertj.core.groups.Tuple.tuple(5, "kato.import.unknown-parent"),
                                    org.assertj.core.groups.Tuple.tuple(6, "kato.import.duplicate"),
                                    org.assertj.core.groups.Tuple.tuple(7, "kato.import.parent-outside"));
                });
    }

    @Test
    void countsLinesFromTheHeaderEvenWithBlankLinesAndCrlf() {
        String file = "code,parent,level,name_en,name_kk,name_ru\r\n\r\n"
                + "750000000,,city,Almaty,Алматы,Алматы\r\n"
                + "7500000xx,,city,Bad,Бад,Бад\r\n";

        assertThatThrownBy(() -> parser.parse(new StringReader(file)))
                .isInstanceOf(KatoImportException.class)
                .satisfies(e -> assertThat(((KatoImportException) e).problems())
                        .extracting(KatoImportException.Problem::line).containsExactly(4));
    }

    @Test
    void refusesAFileWithAnUnknownHeader() {
        assertThatThrownBy(() -> parser.parse(new StringReader("id,name\n1,x\n")))
                .isInstanceOf(KatoImportException.class)
                .satisfies(e -> assertThat(((KatoImportException) e).problems().getFirst().messageKey())
                        .isEqualTo("kato.import.header"));
    }

    @Test
    void refusesRowsWithTheWrongNumberOfColumns() {
        String file = "code,parent,level,name_en,name_kk,name_ru\n750000000,,city,Almaty,Алматы\n";

        assertThatThrownBy(() -> parser.parse(new StringReader(file)))
                .isInstanceOf(KatoImportException.class)
                .satisfies(e -> assertThat(((KatoImportException) e).problems())
                        .extracting(KatoImportException.Problem::line, KatoImportException.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "kato.import.columns")));
    }

    @Test
    void refusesMalformedQuotingWithoutAStackTraceInTheMessage() {
        String file = "code,parent,level,name_en,name_kk,name_ru\n750000000,,city,\"Almaty,Алматы,Алматы\n";

        assertThatThrownBy(() -> parser.parse(new StringReader(file)))
                .isInstanceOf(KatoImportException.class);
    }
}
