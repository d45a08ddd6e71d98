package gov.county.platform.cockpit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Service;

import gov.county.platform.engine.Callers;

/**
 * The diagram of a case's process, as drawn in Modeler (the layout of the deployed version the case
 * ran on), with the path it took: which steps it passed, where it stands now, and the flows taken
 * between them. Sent as shapes and lines with coordinates; the Cases page draws them, so no markup
 * from a diagram ever reaches the browser. A flow counts as taken when the case passed both its ends
 * and its source ended (the engine's history records steps, not flows).
 */
@Service
class CaseDiagram {

	private final RepositoryService repository;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final IdentityService identity;

	CaseDiagram(RepositoryService repository, HistoryService history, RuntimeService runtime, IdentityService identity) {
		this.repository = repository;
		this.history = history;
		this.runtime = runtime;
		this.identity = identity;
	}

	/** A step or note of the diagram: its kind (task, subProcess, event, gateway, note), box, name, what the case did there. */
	record Shape(String id, String kind, String name, double x, double y, double width, double height, String state,
			double[] label) {
	}

	/** A flow: its waypoints, name, whether the case took it. */
	record Line(String id, String name, List<double[]> points, boolean taken, double[] label) {
	}

	/** The drawing: its extent and its parts. */
	record Drawing(double x, double y, double width, double height, List<Shape> shapes, List<Line> lines) {
	}

	/** The case's drawing, or empty when its instance is no longer in the engine's history. */
	Optional<Drawing> of(String processInstanceId) {
		return Callers.asPlatform(this.identity, () -> {
			HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.singleResult();
			if (instance == null) {
				return Optional.<Drawing>empty();
			}
			BpmnModelInstance model = this.repository.getBpmnModelInstance(instance.getProcessDefinitionId());
			Set<String> passed = new HashSet<>();
			Set<String> ended = new HashSet<>();
			Set<String> current = new HashSet<>();
			for (HistoricActivityInstance a : this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(processInstanceId)
				.list()) {
				passed.add(a.getActivityId());
				if (a.getEndTime() != null) {
					ended.add(a.getActivityId());
				}
			}
			// where it waits now: also a step not begun yet because it waits for its job (asynchronous)
			if (instance.getEndTime() == null) {
				current.addAll(this.runtime.getActiveActivityIds(processInstanceId));
			}
			return Optional.of(draw(model, passed, ended, current));
		});
	}

	static Drawing draw(BpmnModelInstance model, Set<String> passed, Set<String> ended, Set<String> current) {
		List<Shape> shapes = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			BaseElement element = shape.getBpmnElement();
			Bounds b = shape.getBounds();
			if (element == null || b == null) {
				continue;
			}
			String kind = kind(element);
			if (kind == null) {
				continue;
			}
			String name = element instanceof TextAnnotation note ? (note.getText() == null ? "" : note.getText().getTextContent())
					: element.getAttributeValue("name");
			String id = element.getId();
			String state = current.contains(id) ? "current" : passed.contains(id) ? "passed" : "";
			double[] label = shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null ? null
					: box(shape.getBpmnLabel().getBounds());
			shapes.add(new Shape(id, kind, name, b.getX(), b.getY(), b.getWidth(), b.getHeight(), state, label));
			minX = Math.min(minX, b.getX());
			minY = Math.min(minY, b.getY());
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight() + (label == null && !"task".equals(kind) ? 30 : 0));
			if (label != null) {
				maxY = Math.max(maxY, label[1] + label[3]);
				maxX = Math.max(maxX, label[0] + label[2]);
			}
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
				continue;
			}
			List<double[]> points = new ArrayList<>();
			for (Waypoint w : edge.getWaypoints()) {
				points.add(new double[] { w.getX(), w.getY() });
				minX = Math.min(minX, w.getX());
				minY = Math.min(minY, w.getY());
				maxX = Math.max(maxX, w.getX());
				maxY = Math.max(maxY, w.getY());
			}
			FlowNode source = flow.getSource();
			FlowNode target = flow.getTarget();
			boolean taken = ended.contains(source.getId()) && passed.contains(target.getId());
			double[] label = edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null ? null
					: box(edge.getBpmnLabel().getBounds());
			lines.add(new Line(flow.getId(), flow.getName(), points, taken, label));
		}
		if (shapes.isEmpty()) {
			return new Drawing(0, 0, 0, 0, shapes, lines);
		}
		return new Drawing(minX - 20, minY - 20, maxX - minX + 40, maxY - minY + 40, shapes, lines);
	}

	private static double[] box(Bounds b) {
		return new double[] { b.getX(), b.getY(), b.getWidth(), b.getHeight() };
	}

	private static String kind(BaseElement element) {
		if (element instanceof SubProcess) {
			return "subProcess";
		}
		if (element instanceof StartEvent) {
			return "startEvent";
		}
		if (element instanceof EndEvent) {
			return "endEvent";
		}
		if (element instanceof BoundaryEvent) {
			return "boundaryEvent";
		}
		if (element instanceof Event) {
			return "event";
		}
		if (element instanceof Gateway) {
			return "gateway";
		}
		if (element instanceof TextAnnotation) {
			return "note";
		}
		if (element instanceof FlowNode) {
			return "task";
		}
		return null;
	}

}
