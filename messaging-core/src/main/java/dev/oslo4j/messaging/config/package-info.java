/**
 * oslo.config's file rules, free of any option knowledge: the INI dialect of {@code iniparser.py}, the layering
 * of {@code --config-file} / {@code --config-dir} files and {@code OS_<GROUP>__<OPTION>} environment variables,
 * and {@code $var} interpolation. {@link dev.oslo4j.messaging.OsloConfig} applies them to oslo.messaging's
 * options. Internal: not part of the public API.
 */
package dev.oslo4j.messaging.config;
