package de.paktwerk.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** SurveyIT once more on PostgreSQL (a fresh schema of the database in PAKTWERK_TEST_PG_URL). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveyOnPostgresIT extends SurveyIT {

    @Override
    protected boolean postgres() {
        return true;
    }
}
