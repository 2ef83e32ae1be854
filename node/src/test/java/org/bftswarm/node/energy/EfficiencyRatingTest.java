package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EfficiencyRatingTest {
    @Test
    void gradesFollowTheDocumentedTasksPerWattHourThresholds() {
        assertThat(EfficiencyRating.grade(500)).isEqualTo("A+");
        assertThat(EfficiencyRating.grade(499.9)).isEqualTo("A");
        assertThat(EfficiencyRating.grade(200)).isEqualTo("A");
        assertThat(EfficiencyRating.grade(100)).isEqualTo("B");
        assertThat(EfficiencyRating.grade(50)).isEqualTo("C");
        assertThat(EfficiencyRating.grade(20)).isEqualTo("D");
        assertThat(EfficiencyRating.grade(5)).isEqualTo("E");
        assertThat(EfficiencyRating.grade(4.99)).isEqualTo("F");
        assertThat(EfficiencyRating.grade(0)).isEqualTo("F");
    }

    @Test
    void tasksPerWattHourDividesByEnergyInWattHours() {
        // 36 J = 0.01 Wh; 3 tasks → 300 tasks/Wh
        assertThat(EfficiencyRating.tasksPerWattHour(3, 36))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(300.0));
        assertThat(EfficiencyRating.of(3, 36)).contains("A");
    }

    @Test
    void noEnergyUsedMeansNoRating() {
        assertThat(EfficiencyRating.of(10, 0)).isEmpty();
    }
}
