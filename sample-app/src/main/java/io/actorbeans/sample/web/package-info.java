/**
 * How the service answers errors: RFC 9457 problem details that name the culprit.
 */
@NullMarked
package io.actorbeans.sample.web;

import org.jspecify.annotations.NullMarked;
