/**
 * A stand-alone registry simulator for demos and tests (not part of the WAR): a small HTTP server that receives
 * REST and SOAP messages as the registries would, checks their signatures, deduplicates them and can be told to
 * fail. Built as {@code target/qatysu-registry-simulator.jar}.
 */
package kz.qatysu.registry.simulator;
