package io.actorbeans.kotlin

import io.actorbeans.ActorSystem
import io.actorbeans.Bridge
import io.actorbeans.Handles
import io.actorbeans.boot.Actor
import io.actorbeans.boot.ActorFactory
import io.actorbeans.boot.Entities
import io.actorbeans.boot.EntityActor
import io.actorbeans.boot.Periodic
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration
import io.actorbeans.boot.autoconfigure.EntityAutoConfiguration
import java.time.Duration
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.context.annotation.Scope

/**
 * Kotlin actor beans: a reified `spawn<T>()`, a `suspend` handler of a bean, an `object`
 * as a `@Periodic` tick, and a reified `ref<T>(id)` of an entity.
 */
@Timeout(30)
class SpringKotlinTests {

    private val contextRunner = ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorAutoConfiguration::class.java))
        .withUserConfiguration(KotlinActorsConfiguration::class.java)

    @Test
    fun `spawn of a reified type makes a prototype actor whose suspend handler replies`() {
        contextRunner.run { context ->
            val tally = context.getBean(ActorFactory::class.java).spawn<Tally>("tally-1")
            val bridge = context.getBean(Bridge::class.java)
            runBlocking {
                assertThat(bridge.await<Int>(tally, Add(2))).isEqualTo(2)
                assertThat(bridge.await<Int>(tally, Add(3), Duration.ofSeconds(5))).isEqualTo(5)
            }
            assertThat(tally.name()).isEqualTo("tally-1")
        }
    }

    @Test
    fun `a reified ref reaches the entity of its type and id`() {
        contextRunner.withConfiguration(AutoConfigurations.of(EntityAutoConfiguration::class.java))
            .withUserConfiguration(Score::class.java)
            .run { context ->
                val entities = context.getBean(Entities::class.java)
                val bridge = context.getBean(Bridge::class.java)
                runBlocking {
                    assertThat(bridge.await<Int>(entities.ref<Score>("ada"), Add(2))).isEqualTo(2)
                    assertThat(bridge.await<Int>(entities.ref<Score>("ada"), Add(3))).isEqualTo(5)
                    assertThat(bridge.await<Int>(entities.ref<Score>("grace"), Add(1))).isEqualTo(1)
                }
                assertThat(entities.ref<Score>("ada").name()).isEqualTo("score/ada")
            }
    }

    @Test
    fun `an object is sent as the tick itself`() {
        contextRunner.run { context ->
            val heart = context.getBean(ActorSystem::class.java).lookup("heart").orElseThrow()
            val bridge = context.getBean(Bridge::class.java)
            runBlocking {
                while (bridge.await<Int>(heart, Total) < 3) {
                    delay(10)
                }
                assertThat(bridge.await<Boolean>(heart, SameBeat)).isTrue()
            }
        }
    }

}

object Beat

object SameBeat

class Tally {

    private var total = 0

    @Handles
    suspend fun add(add: Add): Int {
        delay(1)
        total += add.amount
        return total
    }

}

/** An entity: one score per id. */
@EntityActor("score")
class Score {

    private var points = 0

    @Handles
    fun add(add: Add): Int {
        points += add.amount
        return points
    }

}

class Heart {

    private val beats = mutableListOf<Any>()

    @Periodic(interval = "10ms")
    @Handles
    fun onBeat(beat: Beat) {
        beats.add(beat)
    }

    @Handles
    fun total(@Suppress("UNUSED_PARAMETER") total: Total): Int = beats.size

    @Handles
    fun same(@Suppress("UNUSED_PARAMETER") same: SameBeat): Boolean = beats.all { it === Beat }

}

@Configuration(proxyBeanMethods = false)
class KotlinActorsConfiguration {

    @Bean
    @Actor
    @Scope("prototype")
    fun tally() = Tally()

    @Bean
    @Actor
    fun heart() = Heart()

}
