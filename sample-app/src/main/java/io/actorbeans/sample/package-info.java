/**
 * The warehouse service, a Spring MVC application whose controllers call actor beans.
 */
@NullMarked
package io.actorbeans.sample;

import org.jspecify.annotations.NullMarked;
